-- An object we recorded (a deposit's PaymentIntent, a withdrawal's Transfer) that Stripe says does
-- not exist: the reconciler gives such a transaction a final answer after a bounded time and leaves
-- this record for an operator (recorded = the id, reported = 'missing').
ALTER TABLE stripe_disagreements DROP CONSTRAINT stripe_disagreements_field_check;
ALTER TABLE stripe_disagreements ADD CONSTRAINT stripe_disagreements_field_check
    CHECK (field IN ('payment_intent', 'amount', 'currency', 'existence'));

package com.wallet.processor.wallet.domain;

import com.wallet.common.money.Money;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Decides a run of transfers in order, as if applied one after the other: each transfer sees the
 * balances the ones before it left, so one that would overdraw fails INSUFFICIENT_FUNDS alone and
 * the rest of the run still applies. The wallets are read once, locked, for the whole run.
 */
public final class TransferRun {

    private TransferRun() {
    }

    /** A PENDING transfer to decide. */
    public record Request(UUID transactionId, UUID source, UUID destination, Money amount) {
        public Request {
            Objects.requireNonNull(transactionId, "transactionId");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(destination, "destination");
            if (!amount.isPositive()) {
                throw new IllegalArgumentException("a transfer moves a positive amount");
            }
        }
    }

    /** What the rules made of one request. */
    public sealed interface Verdict permits Decided, Unappliable {
    }

    /** The transfer completes or fails with a reason. */
    public record Decided(Transition transition) implements Verdict {
    }

    /** The request names a wallet that does not exist or disagrees with a wallet's currency: poison. */
    public record Unappliable(String why) implements Verdict {
    }

    /**
     * @param wallets the state of every wallet the requests name (a missing one makes its request
     *                unappliable), as locked at the start of the run
     * @return one verdict per request, in order
     */
    public static List<Verdict> decide(List<Request> requests, Map<UUID, WalletState> wallets) {
        Map<UUID, WalletState> current = new HashMap<>(wallets);
        List<Verdict> verdicts = new ArrayList<>(requests.size());
        for (Request request : requests) {
            WalletState source = current.get(request.source());
            WalletState destination = current.get(request.destination());
            String currency = request.amount().currency().value();
            if (source == null || destination == null) {
                verdicts.add(new Unappliable("transfer " + request.transactionId() + " names a wallet that does not exist"));
                continue;
            }
            if (!source.currency().equals(currency) || !destination.currency().equals(currency)) {
                verdicts.add(new Unappliable("transfer " + request.transactionId() + " disagrees with its wallets' currency"));
                continue;
            }
            Decision decision = WalletRules.transfer(request.amount().minor(), currency, source, destination);
            if (decision instanceof Decision.Accepted accepted) {
                current.put(source.id(), moved(source, accepted.postings()));
                current.put(destination.id(), moved(destination, accepted.postings()));
                verdicts.add(new Decided(Transition.completed(request.transactionId(), currency, accepted.postings())));
            } else if (decision instanceof Decision.Rejected rejected) {
                verdicts.add(new Decided(Transition.failed(request.transactionId(), currency, rejected.reason())));
            }
        }
        return verdicts;
    }

    private static WalletState moved(WalletState wallet, Postings postings) {
        return new WalletState(wallet.id(), Math.addExact(wallet.balance(), postings.changeOf(wallet.id())),
                wallet.currency(), wallet.active());
    }
}

package com.wallet.processor.testhooks;

import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /_test/lock-pause[?walletId=]} arms the hook, {@code GET} shows it (armed, times
 * fired), {@code DELETE} disarms it. Exists only when wallet.test-hooks.enabled is true.
 */
@RestController
@ConditionalOnProperty(prefix = "wallet.test-hooks", name = "enabled", havingValue = "true")
@RequestMapping("/_test/lock-pause")
class LockPauseController {

    private final LockPauseHook hook;

    LockPauseController(LockPauseHook hook) {
        this.hook = hook;
    }

    @PostMapping
    LockPauseHook.Status arm(@RequestParam(required = false) UUID walletId) {
        hook.arm(walletId);
        return hook.status();
    }

    @GetMapping
    LockPauseHook.Status status() {
        return hook.status();
    }

    @DeleteMapping
    LockPauseHook.Status disarm() {
        hook.disarm();
        return hook.status();
    }
}

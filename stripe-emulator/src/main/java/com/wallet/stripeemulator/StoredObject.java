package com.wallet.stripeemulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One Stripe object as the JSON map the emulator answers with. Every write through the map's own
 * methods tells the store that it changed, so the state file keeps up with any service's change of
 * any field without code of its own. Nested maps and lists are replaced, never changed in place.
 */
final class StoredObject extends LinkedHashMap<String, Object> {

    private static final long serialVersionUID = 1L;

    private final String id;
    private final transient Consumer<String> changed;

    StoredObject(String id, Consumer<String> changed) {
        this.id = id;
        this.changed = changed;
    }

    /** The object as the state file kept it: loading it is no change. */
    static StoredObject restored(Map<String, Object> saved, Consumer<String> changed) {
        StoredObject object = new StoredObject((String) saved.get("id"), changed);
        saved.forEach(object::putQuietly);
        return object;
    }

    private void putQuietly(String key, Object value) {
        super.put(key, value);
    }

    @Override
    public Object put(String key, Object value) {
        return changed(super.put(key, value));
    }

    @Override
    public void putAll(Map<? extends String, ?> values) {
        super.putAll(values);
        changed(null);
    }

    @Override
    public Object putIfAbsent(String key, Object value) {
        return changed(super.putIfAbsent(key, value));
    }

    @Override
    public Object remove(Object key) {
        return changed(super.remove(key));
    }

    @Override
    public Object replace(String key, Object value) {
        return changed(super.replace(key, value));
    }

    @Override
    public Object merge(String key, Object value, BiFunction<? super Object, ? super Object, ?> remapping) {
        return changed(super.merge(key, value, remapping));
    }

    @Override
    public Object compute(String key, BiFunction<? super String, ? super Object, ?> remapping) {
        return changed(super.compute(key, remapping));
    }

    @Override
    public Object computeIfAbsent(String key, Function<? super String, ?> mapping) {
        return changed(super.computeIfAbsent(key, mapping));
    }

    @Override
    public Object computeIfPresent(String key, BiFunction<? super String, ? super Object, ?> remapping) {
        return changed(super.computeIfPresent(key, remapping));
    }

    private Object changed(Object result) {
        changed.accept(id);
        return result;
    }
}

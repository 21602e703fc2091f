//! A fast, non-cryptographic hasher for the analysis's own tables (the
//! Firefox/rustc "Fx" hash: one rotate, xor and multiply per word). The keys
//! are words and ids from the user's own files, hashed in-process: no table
//! is exposed to an attacker who could aim for collisions, so SipHash's
//! protection buys nothing here and costs a tenth of the whole analysis.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().unwrap_or([0; 8])));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.add(tail(rest) ^ ((rest.len() as u64) << 59));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(i as u64);
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// The last 1 to 7 bytes of a key as a little-endian word padded with
/// zeros, read without a copy (most keys are words shorter than eight
/// bytes: this is most of their hashing).
#[inline]
fn tail(rest: &[u8]) -> u64 {
    let n = rest.len();
    let u32_at =
        |i: usize| u32::from_le_bytes([rest[i], rest[i + 1], rest[i + 2], rest[i + 3]]) as u64;
    if n >= 4 {
        // the first four bytes, then the last ones past them
        u32_at(0) | (u32_at(n - 4) >> (8 * (8 - n))) << 32
    } else {
        let mut w = rest[0] as u64;
        if n > 1 {
            w |= (rest[1] as u64) << 8;
        }
        if n > 2 {
            w |= (rest[2] as u64) << 16;
        }
        w
    }
}

pub type FxBuild = BuildHasherDefault<FxHasher>;

/// A hasher for keys that are hashes already (a feature's 64-bit hash):
/// its high and low halves folded together, no multiplication.
#[derive(Default, Clone, Copy)]
pub struct Premixed(u64);

impl Hasher for Premixed {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut f = FxHasher(self.0);
        f.write(bytes);
        self.0 = f.0;
    }
    #[inline]
    fn write_u64(&mut self, x: u64) {
        self.0 = x ^ (x >> 32);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

pub type PremixedMap<V> = HashMap<u64, V, BuildHasherDefault<Premixed>>;
pub type FxHashMap<K, V> = HashMap<K, V, FxBuild>;
pub type FxHashSet<K> = HashSet<K, FxBuild>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_s_tail_is_read_as_its_bytes_padded_with_zeros() {
        for n in 1..8 {
            let rest: Vec<u8> = (0..n as u8).map(|i| 0xa1 ^ i.wrapping_mul(37)).collect();
            let mut b = [0u8; 8];
            b[..n].copy_from_slice(&rest);
            assert_eq!(tail(&rest), u64::from_le_bytes(b), "{n} bytes");
        }
    }

    #[test]
    fn distinct_keys_hash_apart_and_maps_work() {
        let mut m: FxHashMap<String, u32> = FxHashMap::default();
        for i in 0..10_000 {
            *m.entry(format!("w{i}")).or_default() += 1;
        }
        assert_eq!(m.len(), 10_000);
        let h = |s: &str| {
            let mut h = FxHasher::default();
            h.write(s.as_bytes());
            h.finish()
        };
        // short keys that differ only in length do not collide
        assert_ne!(h("a"), h("a\0"));
        assert_ne!(h("Trump"), h("Trumps"));
    }
}

package io.entrepot.governance;

import java.security.PublicKey;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Recomputes the access log's chain: every entry's sequence number follows the one before, its
 * {@code prev_hash} is the previous entry's hash and its hash is what its content gives; the head
 * pointer agrees with the last entry; and every signed checkpoint is genuine and names a hash the
 * chain still has. The first failure found is named, with the entry's sequence number and id.
 */
public final class AuditVerification {

    /** The outcome: {@code firstBadSeq} and {@code problem} are null when everything holds. */
    public record Result(long entries, long checkpointsChecked, @Nullable Long firstBadSeq, @Nullable String problem, String headHash) {
        public boolean ok() {
            return problem == null;
        }

        public String summary() {
            return ok() ? "access log verified: " + entries + " entries, chain intact, head " + headHash + ", " + checkpointsChecked
                    + (checkpointsChecked == 1 ? " signed checkpoint matches" : " signed checkpoints match")
                    : "access log BROKEN: " + problem;
        }
    }

    /** Feed entries in sequence order with {@link #check}, then call {@link #finish}. */
    public static final class Walk {
        private long expectedSeq = 1;
        private byte[] prev = AccessLogEntry.GENESIS;
        private long entries;
        private @Nullable Long badSeq;
        private @Nullable String problem;
        private final java.util.Map<Long, byte[]> wanted = new java.util.HashMap<>();
        private final java.util.Map<Long, byte[]> seen = new java.util.HashMap<>();

        /** Hashes the checkpoints claim for given sequence numbers, checked as the walk passes them. */
        public Walk expecting(List<Checkpoint> checkpoints) {
            checkpoints.stream().filter(c -> c.seq() > 0).forEach(c -> wanted.put(c.seq(), c.hash()));
            return this;
        }

        /** Checks one entry given as stored (sequence number, id, both hashes) with the hash its content gives. */
        public void check(long seq, String id, byte[] prevHash, byte[] hash, byte[] computed) {
            if (problem != null) {
                return;
            }
            if (seq != expectedSeq) {
                fail(expectedSeq, seq > expectedSeq
                        ? "entry " + expectedSeq + (seq == expectedSeq + 1 ? " is" : " to " + (seq - 1) + " are")
                          + " missing (deleted?): the chain jumps from " + (expectedSeq - 1) + " to " + seq + " (id " + id + ")"
                        : "entry " + seq + " (id " + id + ") is out of sequence: expected " + expectedSeq);
                return;
            }
            if (!Arrays.equals(prevHash, prev)) {
                fail(seq, "entry " + seq + " (id " + id + ") does not link to entry " + (seq - 1)
                        + ": its prev_hash is not that entry's hash (an entry before it was changed, or it was rewritten)");
                return;
            }
            if (!Arrays.equals(computed, hash)) {
                fail(seq, "entry " + seq + " (id " + id + ") was altered: its content hashes to "
                        + HexFormat.of().formatHex(computed) + ", not to its recorded hash " + HexFormat.of().formatHex(hash));
                return;
            }
            if (wanted.containsKey(seq)) {
                seen.put(seq, hash);
            }
            prev = hash;
            expectedSeq++;
            entries++;
        }

        private void fail(long seq, String message) {
            badSeq = seq;
            problem = message;
        }

        /** Checks the head pointer and the checkpoints against what the walk saw. */
        public Result finish(long headSeq, byte[] headHash, long checkpointsVerified) {
            if (problem == null && headSeq != expectedSeq - 1) {
                fail(expectedSeq, headSeq > expectedSeq - 1
                        ? "the log ends at entry " + (expectedSeq - 1) + " but " + headSeq + " entries were appended: entry " + expectedSeq
                          + (headSeq > expectedSeq ? " to " + headSeq : "") + " missing (deleted?)"
                        : "the head pointer (" + headSeq + ") is behind the log (" + (expectedSeq - 1) + ")");
            } else if (problem == null && !Arrays.equals(headHash, prev)) {
                fail(expectedSeq - 1, "the last entry (" + (expectedSeq - 1) + ") does not hash to the head pointer: it was rewritten");
            }
            if (problem == null) {
                for (var claim : wanted.entrySet()) {
                    byte[] actual = seen.get(claim.getKey());
                    if (actual == null) {
                        fail(claim.getKey(), "a signed checkpoint names entry " + claim.getKey() + ", which the log no longer has");
                        break;
                    }
                    if (!Arrays.equals(actual, claim.getValue())) {
                        fail(claim.getKey(), "entry " + claim.getKey() + " differs from its signed checkpoint: the chain up to it was rewritten");
                        break;
                    }
                }
            }
            return new Result(entries, problem == null ? checkpointsVerified : 0, badSeq, problem, HexFormat.of().formatHex(prev));
        }
    }

    /** One signed checkpoint: the head's sequence number and hash at a moment, signed with Ed25519. */
    public record Checkpoint(long seq, byte[] hash, java.time.Instant at, byte[] signature) {

        public byte[] signedBytes() {
            return (seq + " " + HexFormat.of().formatHex(hash) + " " + at).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }

        public boolean verifies(PublicKey key) {
            try {
                var verifier = java.security.Signature.getInstance("Ed25519");
                verifier.initVerify(key);
                verifier.update(signedBytes());
                return verifier.verify(signature);
            } catch (java.security.GeneralSecurityException e) {
                return false;
            }
        }

        /** The line written to the checkpoint file: {@code seq hash-hex instant signature-base64}. */
        public String line() {
            return seq + " " + HexFormat.of().formatHex(hash) + " " + at + " " + java.util.Base64.getEncoder().encodeToString(signature);
        }

        public static Checkpoint parse(String line) {
            String[] parts = line.strip().split(" ");
            if (parts.length != 4) {
                throw new IllegalArgumentException("a checkpoint line has four fields (seq, hash, time, signature): " + line);
            }
            return new Checkpoint(Long.parseLong(parts[0]), HexFormat.of().parseHex(parts[1]), java.time.Instant.parse(parts[2]),
                    java.util.Base64.getDecoder().decode(parts[3]));
        }
    }

    private AuditVerification() {
    }
}

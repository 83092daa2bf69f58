package io.entrepot.governance;

import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signed checkpoints of the access log's head, appended to a file outside the database: a line with
 * the head's sequence number, hash, time and an Ed25519 signature. Rewriting the log and its hashes in
 * the database cannot rewrite these lines' signatures without the operator's private key.
 *
 * <p>The key pair lives in {@code entrepot.governance.checkpoints.key-dir} as {@code signing.key}
 * (PKCS#8) and {@code signing.pub} (X.509), both Base64; an operator puts their own there (or keeps the
 * private half elsewhere and mounts it). Where none exists a pair is generated at the first checkpoint,
 * with a warning.
 */
@Service
public class Checkpoints {

    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);

    private final AccessLog accessLog;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Path file;
    private final Path keyDir;

    Checkpoints(AccessLog accessLog, TransactionTemplate tx, Clock clock,
            @Value("${entrepot.governance.checkpoints.file:${entrepot.data-dir:data}/governance/access-log-checkpoints.txt}") Path file,
            @Value("${entrepot.governance.checkpoints.key-dir:${entrepot.data-dir:data}/governance}") Path keyDir) {
        this.accessLog = accessLog;
        this.tx = tx;
        this.clock = clock;
        this.file = file;
        this.keyDir = keyDir;
    }

    public Path file() {
        return file;
    }

    @Scheduled(initialDelayString = "${entrepot.jobs.initial-delay:PT20S}", fixedDelayString = "${entrepot.governance.checkpoints.interval:PT10M}")
    void scheduled() {
        try {
            write();
        } catch (RuntimeException e) {
            log.warn("Could not write an access-log checkpoint: {}", e.getMessage());
        }
    }

    /** Signs the current head and appends it to the checkpoint file, unless it is already the last one there. */
    public synchronized AuditVerification.Checkpoint write() {
        var head = ActorContext.callAs(Actor.system("access-log-checkpoint"), () -> tx.execute(s -> accessLog.head()));
        List<AuditVerification.Checkpoint> existing = read(file);
        if (!existing.isEmpty() && existing.getLast().seq() == head.getKey()) {
            return existing.getLast();
        }
        KeyPair keys = keys();
        var unsigned = new AuditVerification.Checkpoint(head.getKey(), head.getValue(), clock.instant().truncatedTo(ChronoUnit.SECONDS), new byte[0]);
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(keys.getPrivate());
            signer.update(unsigned.signedBytes());
            var signed = new AuditVerification.Checkpoint(unsigned.seq(), unsigned.hash(), unsigned.at(), signer.sign());
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, signed.line() + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return signed;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a checkpoint: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint file " + file, e);
        }
    }

    /** The checkpoints of a file, oldest first (none when there is no file yet). */
    public static List<AuditVerification.Checkpoint> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<AuditVerification.Checkpoint> checkpoints = new ArrayList<>();
            List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                try {
                    checkpoints.add(AuditVerification.Checkpoint.parse(lines.get(i)));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("line " + (i + 1) + " of the checkpoint file " + file + " is not a checkpoint: " + e.getMessage(), e);
                }
            }
            return checkpoints;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint file " + file, e);
        }
    }

    /** The public key checkpoints are verified with, when there is one (verifying never makes a key). */
    public java.util.Optional<PublicKey> publicKey() {
        Path publicFile = keyDir.resolve("signing.pub");
        return Files.exists(publicFile) ? java.util.Optional.of(readPublicKey(publicFile)) : java.util.Optional.empty();
    }

    public static PublicKey readPublicKey(Path file) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the public key " + file, e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " is not a Base64 X.509 Ed25519 public key", e);
        }
    }

    private synchronized KeyPair keys() {
        Path privateFile = keyDir.resolve("signing.key");
        Path publicFile = keyDir.resolve("signing.pub");
        try {
            if (!Files.exists(privateFile)) {
                KeyPair generated = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                Files.createDirectories(keyDir);
                // the private half readable by the platform's user only
                Files.createFile(privateFile, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
                Files.writeString(privateFile, Base64.getEncoder().encodeToString(generated.getPrivate().getEncoded()) + "\n");
                Files.writeString(publicFile, Base64.getEncoder().encodeToString(generated.getPublic().getEncoded()) + "\n");
                log.warn("Generated an Ed25519 key pair for access-log checkpoints in {}; production operators provide their own", keyDir);
                return generated;
            }
            byte[] der = Base64.getMimeDecoder().decode(Files.readString(privateFile, StandardCharsets.US_ASCII).strip());
            PrivateKey privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
            return new KeyPair(readPublicKey(publicFile), privateKey);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the checkpoint keys in " + keyDir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the checkpoint keys in " + keyDir + " are not Ed25519 keys", e);
        }
    }

    /** Verifies the whole log and the checkpoints of {@code checkpointFile} with {@code key} (none: only a file without checkpoints passes). */
    public AuditVerification.Result verify(Path checkpointFile, @Nullable PublicKey key) {
        List<AuditVerification.Checkpoint> checkpoints;
        try {
            checkpoints = read(checkpointFile);
        } catch (IllegalArgumentException e) {
            return new AuditVerification.Result(0, 0, null, e.getMessage(), ""); // a damaged checkpoint file is a finding too
        }
        if (!checkpoints.isEmpty() && key == null) {
            return new AuditVerification.Result(0, 0, checkpoints.getFirst().seq(), checkpointFile + " holds signed checkpoints but there is no "
                    + "public key to check them with (signing.pub, or --public-key)", "");
        }
        for (var checkpoint : checkpoints) {
            if (!checkpoint.verifies(java.util.Objects.requireNonNull(key))) {
                return new AuditVerification.Result(0, 0, checkpoint.seq(), "the checkpoint of entry " + checkpoint.seq() + " at " + checkpoint.at()
                        + " in " + checkpointFile + " has no valid signature by the configured key", "");
            }
        }
        var walk = new AuditVerification.Walk().expecting(checkpoints);
        return ActorContext.callAs(Actor.system("access-log-verification"), () -> tx.execute(s -> {
            accessLog.verifyAll(walk);
            var head = accessLog.head();
            return walk.finish(head.getKey(), head.getValue(), checkpoints.size());
        }));
    }

    public AuditVerification.Result verify() {
        return verify(file, publicKey().orElse(null));
    }
}

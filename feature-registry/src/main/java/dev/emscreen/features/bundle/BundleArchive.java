package dev.emscreen.features.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** A bundle as one file (zip), for upload and download. Unpacking refuses entries that escape the folder. */
public final class BundleArchive {

    private static final long MAX_UNPACKED_BYTES = 2L << 30;

    private BundleArchive() {
    }

    public static void pack(Path dir, Path archive) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.list(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive))) {
            for (Path file : files) {
                ZipEntry entry = new ZipEntry(file.getFileName().toString());
                entry.setTime(0); // same content, same archive bytes
                zip.putNextEntry(entry);
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
    }

    public static void unpack(Path archive, Path dir) throws IOException {
        long written = 0;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                Path target = dir.resolve(entry.getName()).normalize();
                if (!target.startsWith(dir.normalize()) || entry.isDirectory()) {
                    throw new BundleVerificationException(archive + ": entry '" + entry.getName() + "' is not a bundle file");
                }
                try (OutputStream out = Files.newOutputStream(target)) {
                    written += copyLimited(zip, out, MAX_UNPACKED_BYTES - written);
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new BundleVerificationException(archive + " is not a readable bundle archive: " + e.getMessage(), e);
        }
    }

    private static long copyLimited(InputStream in, OutputStream out, long budget) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > budget) {
                throw new BundleVerificationException("Bundle archive unpacks to more than " + MAX_UNPACKED_BYTES + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return total;
    }
}

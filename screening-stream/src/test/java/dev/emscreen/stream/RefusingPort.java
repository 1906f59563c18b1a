package dev.emscreen.stream;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

/**
 * A local port where nothing listens, so connecting is refused as with a registry that is down, held
 * for the test so that nothing else takes it; {@link #serve} then brings the "registry" up on the very
 * same port. Finding a free port and binding it later would leave a window for another process to
 * take it.
 */
public final class RefusingPort implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private final Socket holder = new Socket();
    private HttpServer server;

    public RefusingPort() throws IOException {
        // Bound but never listening: the port is ours, and connections to it are refused. With address
        // reuse on both sides (the JDK's server sockets set it), the server below can bind while it is held.
        holder.setReuseAddress(true);
        holder.bind(new InetSocketAddress(HOST, 0));
    }

    public URI uri(String path) {
        return URI.create("http://" + HOST + ":" + holder.getLocalPort() + path);
    }

    /** Starts answering on the port with {@code handler} for {@code path}. */
    public void serve(String path, HttpHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(HOST, holder.getLocalPort()), 0);
        server.createContext(path, handler);
        server.start();
        holder.close();
    }

    @Override
    public void close() throws IOException {
        holder.close();
        if (server != null) {
            server.stop(0);
        }
    }
}

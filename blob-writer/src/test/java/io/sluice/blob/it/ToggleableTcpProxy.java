package io.sluice.blob.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder in front of the S3 server that can be switched off: while off, it closes open
 * connections and every new one at once, so the blob writer sees the store fail as it would when
 * the store goes down.
 */
final class ToggleableTcpProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean up = true;

    private ToggleableTcpProxy(ServerSocket server, int targetPort) {
        this.server = server;
        this.targetPort = targetPort;
    }

    static ToggleableTcpProxy forward(int targetPort) throws IOException {
        ToggleableTcpProxy proxy = new ToggleableTcpProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()),
                targetPort);
        Thread.ofVirtual().name("s3-proxy-accept").start(proxy::accept);
        return proxy;
    }

    int port() {
        return server.getLocalPort();
    }

    void down() {
        up = false;
        for (Socket socket : open) closeQuietly(socket);
    }

    void up() {
        up = true;
    }

    @Override
    public void close() throws IOException {
        server.close();
        down();
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (!up) {
                closeQuietly(client);
                continue;
            }
            try {
                Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                client.setTcpNoDelay(true);
                target.setTcpNoDelay(true);
                open.add(client);
                open.add(target);
                Thread.ofVirtual().start(() -> pump(client, target));
                Thread.ofVirtual().start(() -> pump(target, client));
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    private void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // the other side or down() closed the connection
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void closeQuietly(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // closing is all that was wanted
        }
    }
}

package io.sluice.stack.readiness;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Whether something already listens on a loopback port. */
public final class PortCheck {

    private static final int CONNECT_TIMEOUT_MS = 500;

    private PortCheck() {}

    public static boolean inUse(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MS);
            return true;
        } catch (IOException refusedOrUnreachable) {
            return false;
        }
    }
}

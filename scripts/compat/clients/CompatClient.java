// Java's HttpURLConnection pointed at one compatibility case as a user configures it
// (scripts/compat/clients/java-httpurlconnection.ts): an Authenticator that gives the case's credentials
// to the server and to the proxy, redirects followed (HttpURLConnection's default), the lab as HTTP proxy
// for the 407 cases, a Bearer token in the Authorization header. Arguments: url method user password
// token|- body|- proxyHost:port|-. Prints the final status.
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Authenticator;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.URL;
import java.nio.charset.StandardCharsets;

public class CompatClient {
  public static void main(String[] args) throws Exception {
    String url = args[0], method = args[1], user = args[2], password = args[3], token = args[4], body = args[5], proxy = args[6];
    Authenticator authenticator = new Authenticator() {
      @Override
      protected PasswordAuthentication getPasswordAuthentication() {
        return new PasswordAuthentication(user, password.toCharArray());
      }
    };
    // The default Authenticator: HttpURLConnection asks it for the proxy's credentials as well.
    Authenticator.setDefault(authenticator);
    HttpURLConnection connection;
    if (!proxy.equals("-")) {
      String[] hostPort = proxy.split(":");
      connection = (HttpURLConnection) new URL(url).openConnection(
          new Proxy(Proxy.Type.HTTP, new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1]))));
    } else {
      connection = (HttpURLConnection) new URL(url).openConnection(Proxy.NO_PROXY);
    }
    connection.setAuthenticator(authenticator);
    connection.setConnectTimeout(10_000);
    connection.setReadTimeout(10_000);
    connection.setRequestMethod(method);
    if (!token.equals("-")) connection.setRequestProperty("Authorization", "Bearer " + token);
    if (!body.equals("-")) {
      connection.setDoOutput(true);
      try (OutputStream out = connection.getOutputStream()) {
        out.write(body.getBytes(StandardCharsets.UTF_8));
      }
    }
    int status = connection.getResponseCode();
    InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
    if (stream != null) stream.readAllBytes();
    System.out.println("ended with status " + status);
  }
}

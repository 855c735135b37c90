using System.Net;
using System.Net.Sockets;

namespace Frontline.Silo.Hosting;

/// <summary>A setting that stops the host before it starts, reported as one line naming the key.</summary>
public sealed class HostConfigurationException(string message) : Exception(message);

/// <summary>
/// Checks a silo's Orleans ports before the silo joins its cluster. Orleans takes a silo that starts on the address
/// and port of a running one for a newer incarnation of it and declares the running silo dead, so a port typo when
/// adding a silo would stop a healthy one; it also reports an out-of-range port only with its own wording.
/// </summary>
public static class SiloPortCheck
{
    /// <summary>Throws <see cref="HostConfigurationException"/> when a port is out of range or already taken on loopback.</summary>
    public static void EnsureUsable(OrleansHostOptions orleans, bool probeBind)
    {
        ArgumentNullException.ThrowIfNull(orleans);
        foreach (var (key, port) in new[] { ("SiloPort", orleans.SiloPort), ("GatewayPort", orleans.GatewayPort) })
        {
            if (port is <= 0 or > 65535)
            {
                throw new HostConfigurationException($"{OrleansHostOptions.SectionName}:{key} is {port}: it must be a port in 1-65535 (and differ from the other Orleans port).");
            }
        }

        if (orleans.SiloPort == orleans.GatewayPort)
        {
            throw new HostConfigurationException($"{OrleansHostOptions.SectionName}:SiloPort and {OrleansHostOptions.SectionName}:GatewayPort are both {orleans.SiloPort}: they must differ.");
        }

        if (!probeBind)
        {
            return;
        }

        foreach (var (key, port) in new[] { ("SiloPort", orleans.SiloPort), ("GatewayPort", orleans.GatewayPort) })
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            try
            {
                listener.Start();
            }
            catch (SocketException exception) when (exception.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                throw new HostConfigurationException(
                    $"{OrleansHostOptions.SectionName}:{key} {port} is already in use on 127.0.0.1 (another silo?): give each silo its own --{OrleansHostOptions.SectionName}:SiloPort and --{OrleansHostOptions.SectionName}:GatewayPort" +
                    (key == "SiloPort" ? " (a second silo on a running silo's port would make the cluster declare that silo dead)." : "."));
            }
            finally
            {
                listener.Stop();
            }
        }
    }
}

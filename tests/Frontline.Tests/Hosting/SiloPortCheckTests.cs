using System.Net;
using System.Net.Sockets;
using Frontline.Silo.Hosting;

namespace Frontline.Tests.Hosting;

public sealed class SiloPortCheckTests
{
    [Fact]
    public void A_port_a_running_silo_holds_stops_the_start_with_the_setting_named()
    {
        var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            var port = ((IPEndPoint)taken.LocalEndpoint).Port;
            var options = new OrleansHostOptions { SiloPort = port, GatewayPort = FreePort() };

            var error = Assert.Throws<HostConfigurationException>(() => SiloPortCheck.EnsureUsable(options, probeBind: true));

            Assert.Contains($"Orleans:SiloPort {port} is already in use", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            taken.Stop();
        }
    }

    [Theory]
    [InlineData(0, 30000, "Orleans:SiloPort is 0")]
    [InlineData(11111, 70000, "Orleans:GatewayPort is 70000")]
    [InlineData(11111, 11111, "Orleans:SiloPort and Orleans:GatewayPort are both 11111")]
    public void Ports_out_of_range_or_equal_are_named(int siloPort, int gatewayPort, string expected)
    {
        var options = new OrleansHostOptions { SiloPort = siloPort, GatewayPort = gatewayPort };

        var error = Assert.Throws<HostConfigurationException>(() => SiloPortCheck.EnsureUsable(options, probeBind: false));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Free_ports_pass()
    {
        SiloPortCheck.EnsureUsable(new OrleansHostOptions { SiloPort = FreePort(), GatewayPort = FreePort() }, probeBind: true);
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

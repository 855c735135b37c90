using Frontline.Tests.Infrastructure;

namespace Frontline.Tests.Cluster;

/// <summary>Bad role, profile, port and reminder settings stop the process on start with a message that names the key.</summary>
public sealed class HostOptionsValidationTests
{
    [Theory]
    [InlineData(new[] { "--Frontline:Role", "gateway" }, "Frontline:Role is 'gateway' but Frontline:Profile is not 'cluster'")]
    [InlineData(new[] { "--Frontline:Role", "gateway", "--Frontline:Profile", "cluster" }, "ConnectionStrings:Frontline is not set")]
    [InlineData(new[] { "--Frontline:Role", "router" }, "Frontline:Role must be 'silo' or 'gateway'")]
    [InlineData(new[] { "--Orleans:GatewayPort", "70000" }, "Orleans:GatewayPort is 70000: it must be a port in 1-65535")]
    [InlineData(new[] { "--Frontline:FollowUp:Period", "00:00:05" }, "Frontline:FollowUp:Period (00:00:05) is shorter than Frontline:Reminders:MinimumReminderPeriod (00:01:00)")]
    public async Task Start_BadSetting_ExitsNamingTheKey(string[] arguments, string message)
    {
        using var data = new TempDirectory();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => EmbeddedServerProcess.StartAsync(data.Path, arguments));

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
        Assert.Contains("exited with code 1 ", failure.Message, StringComparison.Ordinal);
    }
}

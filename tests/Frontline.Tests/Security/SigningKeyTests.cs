using System.Text;
using System.Text.Json;
using Frontline.Tests.Infrastructure;

namespace Frontline.Tests.Security;

/// <summary>
/// The token command and the embedded profile's development key: created once (mode 600), shared by the command
/// and the server, kept across restarts; the cluster profile refuses to start without a configured key.
/// </summary>
public sealed class SigningKeyTests
{
    [Fact]
    public async Task TokenCommand_ThenServer_SameDevKeyAcrossRestartsAndAuditKept()
    {
        using var data = new TempDirectory();
        var (exit, output, error) = await SiloCommand.RunAsync("token", "--role", "hq", "--subject", "first-user", "--Frontline:DataDirectory", data.Path);
        Assert.True(exit == 0, error);
        var token = output.Trim();
        var keyFile = Path.Combine(data.Path, "dev-signing-key");
        var key = await File.ReadAllTextAsync(keyFile);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        }

        Assert.Equal("hq", Claims(token).GetProperty("role").GetString());
        Assert.Equal("first-user", Claims(token).GetProperty("sub").GetString());

        string unit;
        await using (var first = await EmbeddedServerProcess.StartWithOwnKeyAsync(data.Path, []))
        {
            using var api = new GraphQLHttpClient(first.BaseAddress, token);
            unit = await api.NewUnitAsync();
            using var stranger = new GraphQLHttpClient(first.BaseAddress, TestTokens.Hq);
            Assert.Equal(401, (await stranger.PostAsync("{ units { id } }")).Status);
            await first.StopAsync();
        }

        Assert.Equal(key, await File.ReadAllTextAsync(keyFile));
        await using var second = await EmbeddedServerProcess.StartWithOwnKeyAsync(data.Path, []);
        using var again = new GraphQLHttpClient(second.BaseAddress, token);
        var units = (await again.DataAsync("{ units { id } }")).GetProperty("units").EnumerateArray().Select(u => u.GetProperty("id").GetString());
        var audit = (await again.DataAsync("{ auditLog { edges { node { subject operation target outcome } } } }")).GetProperty("auditLog").GetProperty("edges")
            .EnumerateArray().Select(e => e.GetProperty("node").ToString()).ToList();

        Assert.Equal([unit], units);
        Assert.Contains(audit, e => e.Contains("first-user", StringComparison.Ordinal) && e.Contains("registerUnit", StringComparison.Ordinal) && e.Contains(unit, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("unit-lead", "--unit", "north")]
    [InlineData("customer", "--customer", "acme")]
    [InlineData("integrator", null, null)]
    public async Task TokenCommand_Role_ClaimsCarryRoleAndScope(string role, string? option, string? value)
    {
        using var data = new TempDirectory();
        string[] arguments = option is null
            ? ["token", "--role", role, "--Frontline:Auth:SigningKey", TestTokens.SigningKey]
            : ["token", "--role", role, option, value!, "--Frontline:Auth:SigningKey", TestTokens.SigningKey];

        var (exit, output, error) = await SiloCommand.RunAsync(arguments);

        Assert.True(exit == 0, error);
        var claims = Claims(output.Trim());
        Assert.Equal(role, claims.GetProperty("role").GetString());
        if (option is not null)
        {
            Assert.Equal(value, claims.GetProperty(option[2..]).GetString());
        }

        Assert.True(claims.GetProperty("exp").GetInt64() > DateTimeOffset.UtcNow.AddHours(11).ToUnixTimeSeconds());
    }

    [Theory]
    [InlineData("--role", "boss", "is not one of")]
    [InlineData("--role", "unit-member", "--unit is required")]
    [InlineData("--role", "customer", "--customer is required")]
    [InlineData("--hours", "-1", "is not a number of hours")]
    [InlineData("--hours", "1e-9", "is not a number of hours from 0.0167 (a minute)")]
    public async Task TokenCommand_BadOptions_Exit1WithReason(string name, string value, string reason)
    {
        var (exit, output, error) = await SiloCommand.RunAsync("token", name, value, "--Frontline:Auth:SigningKey", TestTokens.SigningKey);

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenCommand_ShortConfiguredKey_Exit1()
    {
        var (exit, _, error) = await SiloCommand.RunAsync("token", "--role", "hq", "--Frontline:Auth:SigningKey", "short");

        Assert.Equal(1, exit);
        Assert.Contains("at least 32 bytes", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClusterProfile_NoConfiguredKey_RefusesToStart()
    {
        using var data = new TempDirectory();

        var (exit, _, error) = await SiloCommand.RunAsync(
            "--urls", "http://127.0.0.1:0", "--Frontline:Profile", "cluster", "--Frontline:DataDirectory", data.Path,
            "--ConnectionStrings:Frontline", "Host=127.0.0.1;Port=1;Database=none;Username=none");

        Assert.Equal(1, exit);
        Assert.Contains("no token key is configured", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(data.Path, "dev-signing-key")));
    }

    private static JsonElement Claims(string jwt)
    {
        var payload = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        return JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload))).RootElement.Clone();
    }
}

using Frontline.GraphQL.Security;
using Frontline.Tests.Infrastructure;

namespace Frontline.Tests.Security;

/// <summary>The import command sends its token (<c>--token</c> or FRONTLINE_TOKEN); without one the server refuses it.</summary>
[Collection(SecurityServerCollection.Name)]
public sealed class ImportTokenTests(SecurityServerFixture fixture)
{
    [Theory]
    [InlineData("option", 0)]
    [InlineData("environment", 0)]
    [InlineData("with-scheme", 0)]
    [InlineData("none", 3)]
    [InlineData("wrong-key", 3)]
    [InlineData("unit-member", 3)]
    public async Task ImportPaths_Token_SentAndChecked(string how, int exitCode)
    {
        using var files = new TempDirectory();
        var file = files.Combine("paths.csv");
        await File.WriteAllTextAsync(file, "path,total_conversions,total_conversion_value,total_null\nWeb > Email,2,10,1\n");
        var scope = "paths/import-" + Guid.NewGuid().ToString("N")[..8];
        var integrator = TestTokens.For(FrontlineRoles.Integrator, subject: "import-" + how);
        List<string> arguments = ["import", "--paths", file, "--scope", scope, "--server", fixture.Server.BaseAddress.ToString()];
        var environment = new Dictionary<string, string?>();
        switch (how)
        {
            case "option": arguments.AddRange(["--token", integrator]); break;
            case "environment": environment["FRONTLINE_TOKEN"] = integrator; break;
            case "with-scheme": arguments.AddRange(["--token", "Bearer " + integrator]); break;
            case "wrong-key": arguments.AddRange(["--token", TestTokens.Issuer("another-key-" + new string('x', 32)).Create(FrontlineRoles.Integrator, null, null, "import-wrong-key", TimeSpan.FromHours(1))]); break;
            case "unit-member": arguments.AddRange(["--token", fixture.TokenFor(FrontlineRoles.UnitMember)]); break;
        }

        var (exit, output, error) = await SiloCommand.RunAsync(environment, [.. arguments]);

        Assert.True(exit == exitCode, $"exit {exit}: {output}{error}");
        var journeys = (await fixture.Hq.DataAsync("query($s: String!) { pathStats(scope: $s) { journeys } }", new { s = scope })).GetProperty("pathStats").GetProperty("journeys").GetInt32();
        Assert.Equal(exitCode == 0 ? 3 : 0, journeys);
        if (exitCode != 0)
        {
            Assert.Contains(how == "unit-member" ? "FORBIDDEN" : "UNAUTHENTICATED", output + error, StringComparison.Ordinal);

            // And it says what to do about it.
            var hint = how switch
            {
                "none" => "no token was given: pass --token <t> or set FRONTLINE_TOKEN",
                "wrong-key" => "the token was refused: expired, or not signed with this server's key",
                _ => "use role integrator or hq",
            };
            Assert.Contains(hint, error, StringComparison.Ordinal);
        }
    }
}

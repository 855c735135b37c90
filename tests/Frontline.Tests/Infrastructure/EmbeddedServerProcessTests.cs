using System.Net;

namespace Frontline.Tests.Infrastructure;

public sealed class EmbeddedServerProcessTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task StartAsync_AfterKillOnSameDataDirectory_AnswersHealthy()
    {
        await using (var first = await EmbeddedServerProcess.StartAsync(_directory.Path))
        {
            first.Kill();
            Assert.True(first.HasExited);
        }

        await using var second = await EmbeddedServerProcess.StartAsync(_directory.Path);
        using var http = new HttpClient { BaseAddress = second.BaseAddress };
        using var response = await http.GetAsync("health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());

        await second.StopAsync();
        Assert.True(second.HasExited);
        Assert.True(second.ExitCode == 0, $"Exit code {second.ExitCode} after SIGTERM. Output:{Environment.NewLine}{second.Output}");
    }
}

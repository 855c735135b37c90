using System.Diagnostics;

namespace Frontline.Tests.Infrastructure;

/// <summary>
/// The npm scripts under tests/js: finds the folder, installs node_modules once per test run (npm ci) and runs a
/// script to completion. Real npm clients (graphql-ws, graphql-http) test our servers, not our own re-implementations.
/// </summary>
public static class NodeScripts
{
    // One install per test run: parallel tests would otherwise race npm ci in the same folder.
    private static readonly SemaphoreSlim InstallLock = new(1, 1);
    private static bool _installed;

    /// <summary>Absolute path of tests/js, found by walking up from the test binaries.</summary>
    public static string Directory { get; } = FindScriptDirectory();

    /// <summary>Runs <c>npm ci</c> in tests/js unless every package the scripts import is already installed.</summary>
    public static async Task EnsureInstalledAsync()
    {
        await InstallLock.WaitAsync();
        try
        {
            string[] packages = ["graphql-ws", "graphql-http", "graphql", "ws"];
            if (_installed || packages.All(p => System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", p))))
            {
                _installed = true;
                return;
            }

            var (exitCode, output, error) = await RunProcessAsync("npm", ["ci", "--no-audit", "--no-fund"], TimeSpan.FromMinutes(5));
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"npm ci failed with {exitCode}: {output}{error}");
            }

            _installed = true;
        }
        finally
        {
            InstallLock.Release();
        }
    }

    /// <summary>Runs <c>node &lt;script&gt; args...</c> in tests/js and returns its exit code, stdout and stderr.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string script, IEnumerable<string> arguments, TimeSpan timeout)
    {
        await EnsureInstalledAsync();
        return await RunProcessAsync("node", [script, .. arguments], timeout);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunProcessAsync(string fileName, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // The scripts act as HQ against test servers (they all verify TestTokens' key) unless a test says otherwise.
        start.Environment["FRONTLINE_TOKEN"] = TestTokens.Hq;
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {timeout}. {await error}");
        }

        return (process.ExitCode, await output, await error);
    }

    private static string FindScriptDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "js");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"tests/js/package.json not found above {AppContext.BaseDirectory}.");
    }
}

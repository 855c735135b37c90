using System.Diagnostics;

namespace Frontline.Tests.Infrastructure;

/// <summary>Runs the built Silo once as a command (<c>migrate</c>, <c>token</c>, a server that must refuse to start) and collects what it printed.</summary>
public static class SiloCommand
{
    /// <summary>Runs <c>Frontline.Silo.dll</c> with <paramref name="arguments"/> and waits (at most a minute) for it to exit.</summary>
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments) =>
        RunAsync(new Dictionary<string, string?>(), arguments);

    /// <summary>Runs it like <see cref="RunAsync(string[])"/> with <paramref name="environment"/> added to (a null value: removed from) its environment.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo(EmbeddedServerProcess.DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(EmbeddedServerProcess.LocateSiloAssembly());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A developer's environment must not lend the command a connection string or keys.
        start.Environment.Remove("ConnectionStrings__Frontline");
        start.Environment.Remove("Frontline__Auth__SigningKey");
        start.Environment.Remove("FRONTLINE_TOKEN");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await error);
    }
}

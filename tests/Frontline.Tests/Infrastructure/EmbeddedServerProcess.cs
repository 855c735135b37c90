using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace Frontline.Tests.Infrastructure;

/// <summary>
/// Runs the built Silo (Frontline.Silo.dll) as a separate OS process on free loopback ports, so tests can
/// stop it gracefully or kill it like <c>kill -9</c> and start it again over the same data directory.
/// </summary>
public sealed class EmbeddedServerProcess : IAsyncDisposable
{
    private const int SigTerm = 15;
    private const string SiloAssemblyName = "Frontline.Silo";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _outputLock = new();

    private EmbeddedServerProcess(Process process, Uri baseAddress, string dataDirectory, int siloPort, int gatewayPort)
    {
        _process = process;
        BaseAddress = baseAddress;
        DataDirectory = dataDirectory;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
    }

    /// <summary>Root URL of the server's HTTP endpoints, ending in '/'.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The silo-to-silo port it was given (<c>Orleans:SiloPort</c>), which names it in Orleans' silo addresses.</summary>
    public int SiloPort { get; }

    /// <summary>The silo's Orleans gateway port on 127.0.0.1, where Orleans clients connect.</summary>
    public int GatewayPort { get; }

    /// <summary>The server's <c>Frontline:DataDirectory</c>.</summary>
    public string DataDirectory { get; }

    /// <summary>Operating-system id of the process (for CPU accounting).</summary>
    public int ProcessId => _process.Id;

    /// <summary>True once the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Exit code of the ended process.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Everything the process wrote to stdout and stderr so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_outputLock)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the server over <paramref name="dataDirectory"/> and waits until <c>GET /health</c> answers 200.</summary>
    public static Task<EmbeddedServerProcess> StartAsync(string dataDirectory, CancellationToken cancellationToken = default)
        => StartAsync(dataDirectory, [], cancellationToken);

    /// <summary>
    /// Starts the server over <paramref name="dataDirectory"/> with <paramref name="extraArguments"/> after the
    /// address and ports (e.g. <c>--Frontline:Profile cluster</c>), and waits until <c>GET /health</c> answers 200.
    /// The server verifies tokens with <see cref="TestTokens.SigningKey"/>, so <see cref="TestTokens"/> tokens work.
    /// </summary>
    public static Task<EmbeddedServerProcess> StartAsync(string dataDirectory, IEnumerable<string> extraArguments, CancellationToken cancellationToken = default)
        => StartCoreAsync(LocateSiloAssembly(), dataDirectory, [.. TestTokens.ServerArguments, .. extraArguments], cancellationToken);

    /// <summary>
    /// Starts the server like <see cref="StartAsync(string, IEnumerable{string}, CancellationToken)"/> but without the
    /// test key: as a user's first <c>dotnet run</c>, it uses (and on first start creates) its development key.
    /// </summary>
    public static Task<EmbeddedServerProcess> StartWithOwnKeyAsync(string dataDirectory, IEnumerable<string> extraArguments, CancellationToken cancellationToken = default)
        => StartCoreAsync(LocateSiloAssembly(), dataDirectory, extraArguments, cancellationToken);

    /// <summary>
    /// Starts the Frontline.Silo.dll at <paramref name="siloAssembly"/> (another build, e.g. the benchmark's baseline of
    /// an earlier commit) like <see cref="StartAsync(string, IEnumerable{string}, CancellationToken)"/>.
    /// </summary>
    public static Task<EmbeddedServerProcess> StartAsync(string siloAssembly, string dataDirectory, IEnumerable<string> extraArguments, CancellationToken cancellationToken = default)
        => StartCoreAsync(siloAssembly, dataDirectory, [.. TestTokens.ServerArguments, .. extraArguments], cancellationToken);

    private static async Task<EmbeddedServerProcess> StartCoreAsync(string siloAssembly, string dataDirectory, IEnumerable<string> extraArguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(extraArguments);
        ArgumentException.ThrowIfNullOrWhiteSpace(siloAssembly);
        var (httpPort, siloPort, gatewayPort) = FreePorts();
        var baseAddress = new Uri($"http://127.0.0.1:{httpPort}/");

        var startInfo = new ProcessStartInfo(DotnetHost())
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(siloAssembly)!,
        };
        startInfo.ArgumentList.Add(siloAssembly);
        startInfo.ArgumentList.Add("--urls");
        startInfo.ArgumentList.Add(baseAddress.GetLeftPart(UriPartial.Authority));
        startInfo.ArgumentList.Add("--Frontline:DataDirectory");
        startInfo.ArgumentList.Add(dataDirectory);

        // Distinct cluster ports let several servers (and a developer's own `dotnet run`) coexist.
        startInfo.ArgumentList.Add("--Orleans:SiloPort");
        startInfo.ArgumentList.Add(siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        startInfo.ArgumentList.Add("--Orleans:GatewayPort");
        startInfo.ArgumentList.Add(gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var argument in extraArguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var server = new EmbeddedServerProcess(process, baseAddress, dataDirectory, siloPort, gatewayPort);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await server.WaitUntilHealthyAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Stops the server the way a service manager does (SIGTERM), so the host and the silo shut down
    /// cleanly, and waits for the process to end.
    /// </summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            // No SIGTERM on Windows; these tests run on Linux, so a hard stop keeps the fixture usable there.
            Kill();
            return;
        }

        if (SendSignal(_process.Id, SigTerm) != 0)
        {
            throw new InvalidOperationException($"kill -TERM {_process.Id} failed with errno {Marshal.GetLastPInvokeError()}.");
        }

        using var timeout = new CancellationTokenSource(StopTimeout);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"The server did not stop within {StopTimeout.TotalSeconds} s of SIGTERM. Output:{Environment.NewLine}{Output}");
        }
    }

    /// <summary>Ends the process at once (SIGKILL, like <c>kill -9</c>): no shutdown code runs.</summary>
    public void Kill()
    {
        if (_process.HasExited)
        {
            return;
        }

        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
            // The process never started or already ended.
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                // Let the output readers drain before reporting.
                await _process.WaitForExitAsync(cancellationToken);
                throw new InvalidOperationException($"The server exited with code {_process.ExitCode} before it was healthy. Output:{Environment.NewLine}{Output}");
            }

            try
            {
                using var response = await http.GetAsync("health", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The request timed out while the server was still starting.
            }

            // Waiting on another process's start-up: there is no clock to fake here.
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }

        throw new TimeoutException($"GET {BaseAddress}health did not answer 200 within {StartTimeout.TotalSeconds} s. Output:{Environment.NewLine}{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_outputLock)
        {
            _output.AppendLine(line);
        }
    }

    /// <summary>
    /// Prefers the Silo project's own build output (its deps.json describes exactly the Silo), found by
    /// walking up from the test assembly to the repository root, in the same configuration as the tests;
    /// falls back to the copy the project reference puts next to the test assembly.
    /// </summary>
    internal static string LocateSiloAssembly()
    {
        var testDirectory = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        var targetFramework = testDirectory.Name;
        var configuration = testDirectory.Parent?.Name ?? "Debug";

        for (var directory = testDirectory; directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Silo", "Silo.csproj")))
            {
                var candidate = Path.Combine(directory.FullName, "Silo", "bin", configuration, targetFramework, SiloAssemblyName + ".dll");
                if (IsRunnable(candidate))
                {
                    return candidate;
                }

                break;
            }
        }

        var copy = Path.Combine(testDirectory.FullName, SiloAssemblyName + ".dll");
        return IsRunnable(copy)
            ? copy
            : throw new FileNotFoundException($"No runnable {SiloAssemblyName}.dll (with its runtimeconfig.json) in the Silo project's bin/{configuration}/{targetFramework} or next to the tests; build the solution first.");
    }

    private static bool IsRunnable(string assembly)
        => File.Exists(assembly) && File.Exists(Path.ChangeExtension(assembly, ".runtimeconfig.json"));

    internal static string DotnetHost()
    {
        // The SDK sets DOTNET_HOST_PATH for tools and tests it runs; the test host itself usually is dotnet.
        var hostPath = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(hostPath) && File.Exists(hostPath))
        {
            return hostPath;
        }

        var processPath = Environment.ProcessPath;
        return processPath is not null && Path.GetFileNameWithoutExtension(processPath) == "dotnet" ? processPath : "dotnet";
    }

    private static (int Http, int Silo, int Gateway) FreePorts()
    {
        // All three listeners stay open until every port is picked, so the ports are distinct.
        var listeners = Enumerable.Range(0, 3).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToArray();
        try
        {
            foreach (var listener in listeners)
            {
                listener.Start();
            }

            var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
            return (ports[0], ports[1], ports[2]);
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Stop();
            }
        }
    }

    // DllImport rather than LibraryImport: the generated stub would need unsafe code enabled for the whole
    // test project, and kill(2) takes only ints, which need no marshalling.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int processId, int signal);
}

using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;

namespace Frontline.Tests.Infrastructure;

/// <summary>
/// Runs tests/js/subscribe.mjs (the npm graphql-ws client) against a server and exposes its JSON lines as they
/// arrive: an awaitable "ready" and the stream of results. Installs node_modules on first use (<see cref="NodeScripts"/>).
/// </summary>
public sealed class NodeSubscriptionClient : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Channel<NodeSubscriptionResult> _results = Channel.CreateUnbounded<NodeSubscriptionResult>();
    private readonly List<string> _standardError = [];
    private readonly Lock _lock = new();

    private NodeSubscriptionClient(Process process) => _process = process;

    /// <summary>Lines the script wrote to stderr so far, for failure messages.</summary>
    public string StandardError
    {
        get
        {
            lock (_lock)
            {
                return string.Join(Environment.NewLine, _standardError);
            }
        }
    }

    /// <summary>
    /// Starts the client; it authenticates in connection_init with <paramref name="token"/> (an HQ test token by
    /// default; empty for no credentials at all).
    /// </summary>
    public static async Task<NodeSubscriptionClient> StartAsync(Uri webSocketUri, string document, object? variables, int count, TimeSpan timeout, string? token = null)
    {
        var scriptDirectory = NodeScripts.Directory;
        await NodeScripts.EnsureInstalledAsync();

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = scriptDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["FRONTLINE_TOKEN"] = token ?? TestTokens.Hq;
        start.ArgumentList.Add("subscribe.mjs");
        start.ArgumentList.Add(webSocketUri.ToString());
        start.ArgumentList.Add(document);
        start.ArgumentList.Add(JsonSerializer.Serialize(variables ?? new { }));
        start.ArgumentList.Add(count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.ArgumentList.Add(((long)timeout.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture));

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var client = new NodeSubscriptionClient(process);
        process.OutputDataReceived += (_, e) => client.OnOutputLine(e.Data);
        process.ErrorDataReceived += (_, e) => client.OnErrorLine(e.Data);
        process.Exited += (_, _) => client.OnExited();
        if (!process.Start())
        {
            throw new InvalidOperationException("Could not start node.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return client;
    }

    /// <summary>Completes when the script reports the subscribe message sent (see subscribe.mjs for what "ready" means).</summary>
    public Task WaitReadyAsync(TimeSpan timeout) => _ready.Task.WaitAsync(timeout);

    /// <summary>The next result the client received; <see cref="TimeoutException"/> when none came within <paramref name="timeout"/>.</summary>
    public async Task<NodeSubscriptionResult> NextResultAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            return await _results.Reader.ReadAsync(cancellation.Token);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // Callers wait for a result and may try again (warm-up loops): say what happened, not how.
            throw new TimeoutException($"No result from the graphql-ws client within {timeout}. {StandardError}");
        }
        catch (ChannelClosedException exception)
        {
            throw new InvalidOperationException($"The graphql-ws client ended without another result: {StandardError}", exception.InnerException ?? exception);
        }
    }

    /// <summary>
    /// Causes events until one arrives and returns it. "ready" only means the subscribe message left the client, not
    /// that the server attached its stream, so the first events may pass unseen; a received one proves the
    /// subscription live.
    /// </summary>
    public async Task<NodeSubscriptionResult> FirstResultAsync(Func<Task> cause, int attempts = 10)
    {
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            await cause();
            try
            {
                return await NextResultAsync(TimeSpan.FromSeconds(3));
            }
            catch (TimeoutException)
            {
            }
        }

        throw new TimeoutException($"No result after {attempts} attempts. {StandardError}");
    }

    /// <summary>Waits for the script to exit and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancellation.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }

        _process.Dispose();
    }

    private void OnOutputLine(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        switch (root.GetProperty("type").GetString())
        {
            case "ready":
                _ready.TrySetResult();
                break;
            case "next":
                _results.Writer.TryWrite(new NodeSubscriptionResult(root.GetProperty("receivedAt").GetInt64(), root.GetProperty("payload").Clone()));
                break;
            case "error":
                var failure = new InvalidOperationException("graphql-ws client error: " + root.GetProperty("message").GetString());
                _ready.TrySetException(failure);
                _results.Writer.TryComplete(failure);
                break;
        }
    }

    private void OnErrorLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lock)
        {
            _standardError.Add(line);
        }
    }

    private void OnExited()
    {
        var exited = new InvalidOperationException($"The graphql-ws client exited: {StandardError}");
        _ready.TrySetException(exited);
        _results.Writer.TryComplete();
    }
}

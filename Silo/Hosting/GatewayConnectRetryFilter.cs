namespace Frontline.Silo.Hosting;

/// <summary>
/// Keeps the standalone gateway trying to reach a silo until the host stops, so an operator can start the gateway
/// before the silos (or restart the silos under it).
/// </summary>
public sealed partial class GatewayConnectRetryFilter(ILogger<GatewayConnectRetryFilter> logger) : IClientConnectionRetryFilter
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    /// <summary>Waits <see cref="RetryDelay"/> and asks for another attempt, unless the host is stopping.</summary>
    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        LogNoSilo(logger, RetryDelay.TotalSeconds, exception.Message);
        try
        {
            await Task.Delay(RetryDelay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No silo of the cluster is reachable yet ({Reason}); retrying in {Seconds} s")]
    private static partial void LogNoSilo(ILogger logger, double seconds, string reason);
}

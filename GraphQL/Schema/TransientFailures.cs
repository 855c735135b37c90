using System.Data.Common;
using System.Net.Sockets;
using Orleans.Runtime;

namespace Frontline.GraphQL.Schema;

/// <summary>
/// Which failures mean "storage or the cluster is unavailable right now" rather than a bug: a silo that died, a
/// call that timed out, a database that refused or dropped the connection. Callers get the retryable
/// <c>UNAVAILABLE</c> for these, never the generic <c>INTERNAL</c>.
/// </summary>
public static class TransientFailures
{
    /// <summary>True when <paramref name="exception"/>, or any exception it wraps, is a transient infrastructure failure.</summary>
    public static bool IsTransient(Exception? exception)
    {
        for (var depth = 0; exception is not null && depth < 16; depth++)
        {
            // OperationCanceledException: Orleans cancels an activation it cannot finish in time (a silo stopping, a
            // wave of activations reading storage), and the call fails with it.
            if (exception is TimeoutException or DbException or SocketException or OperationCanceledException
                or SiloUnavailableException or OrleansMessageRejectionException or GatewayTooBusyException)
            {
                return true;
            }

            if (exception is AggregateException aggregate)
            {
                return aggregate.InnerExceptions.Any(IsTransient);
            }

            exception = exception.InnerException;
        }

        return false;
    }
}

using Frontline.Abstractions;
using Frontline.Abstractions.Common;
using Frontline.Abstractions.Events;
using Frontline.Abstractions.Ingestion;
using Frontline.Abstractions.Streams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace Frontline.Grains.Ingestion;

/// <summary>
/// Consumes the <c>touches</c> ingestion stream of one customer: each item is validated like <c>recordTouches</c>
/// validates it and, if good, recorded in the customer grain, which dedupes by event id (the durable provider
/// delivers at least once). A bad item is logged and counted in <see cref="IStreamRejectionsGrain"/>, then skipped:
/// it never blocks the items behind it. A failing customer grain (storage down) throws, so Orleans retries the item.
/// </summary>
[ImplicitStreamSubscription(StreamNames.Touches)]
public sealed partial class TouchStreamGrain(
    TouchValidator validator,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock,
    ILogger<TouchStreamGrain> logger) : Grain, ITouchStreamGrain, IStreamSubscriptionObserver, IAsyncObserver<TouchEnvelope>
{
    public Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
        => handleFactory.Create<TouchEnvelope>().ResumeAsync(this);

    public async Task OnNextAsync(TouchEnvelope item, StreamSequenceToken? token = null)
    {
        var customerId = this.GetPrimaryKeyString();
        if (Check(item, customerId) is { } rejection)
        {
            LogRejected(logger, customerId, item?.EventId, rejection.Field, rejection.Reason);
            await GrainFactory.GetStreamRejectionsGrain(StreamNames.Touches).RecordAsync(
            [
                new StreamRejection { EventId = item?.EventId, StreamKey = customerId, Field = rejection.Field, Reason = rejection.Reason, At = clock.GetUtcNow() },
            ]);
            return;
        }

        await GrainFactory.GetCustomerGrain(customerId).RecordTouchesAsync([item!]);
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex)
    {
        LogStreamError(logger, this.GetPrimaryKeyString(), ex);
        return Task.CompletedTask;
    }

    /// <summary>The first problem with <paramref name="touch"/> as a touch of <paramref name="customerId"/>, or null.</summary>
    private Rejection? Check(TouchEnvelope? touch, string customerId)
    {
        if (touch is null)
        {
            return Rejection.Invalid("touch", "is null");
        }

        if (validator.Validate(touch, clock.GetUtcNow()) is { } rejection)
        {
            return rejection;
        }

        // The stream key decides which consumer (and so which customer) gets the item; a touch of another customer
        // published on this stream is a producer bug, and recording it under either customer would be a guess.
        return string.Equals(touch.CustomerId, customerId, StringComparison.Ordinal)
            ? null
            : Rejection.Invalid("customerId", $"'{touch.CustomerId}' does not match the stream key '{customerId}' (publish each touch on the stream of its customer)");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Touch stream {CustomerId}: rejected event {EventId}: {Field} {Reason}")]
    private static partial void LogRejected(ILogger logger, string customerId, string? eventId, string field, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Touch stream {CustomerId}: the stream reported an error")]
    private static partial void LogStreamError(ILogger logger, string customerId, Exception exception);
}

using Frontline.Abstractions;
using Frontline.Abstractions.Common;
using Frontline.GraphQL.Security;
using Frontline.Silo.Hosting;
using Microsoft.Extensions.Options;

namespace Frontline.Silo.Ingestion;

/// <summary>
/// <c>POST /ingest/touches</c>: NDJSON touch envelopes for integrators. The answer comes only after every accepted
/// line is durable: in the cluster profile stored in the journal by the ingest grain, its customers applying it right
/// after (<see cref="Grains.Ingestion.TouchProjector"/>); in the embedded profile stored by its customer grain. A
/// storage or cluster failure is a 503 with Retry-After, and because touches are idempotent by event id, retrying the
/// whole request is always safe.
/// </summary>
public static partial class BulkIngestEndpoints
{
    /// <summary>Most lines one request may carry.</summary>
    public const int MaxLines = 100_000;

    /// <summary>
    /// Touches sent to the ingestion grain per call in the cluster profile, where each call is one journal commit
    /// (<see cref="Storage.Postgres.PostgresTouchJournal.StoreAsync"/>): larger chunks mean fewer commits and fuller
    /// customer calls after them.
    /// </summary>
    public const int ClusterBatchSize = 5_000;

    /// <summary>
    /// The same in the embedded profile, where every customer call writes and fsyncs its own state file on a thread it
    /// blocks: in one review run of a 20,000-touch request (not in bench/), 5,000 such writes at once stalled the silo's
    /// health timers for 4-7 s and took 20.3 s against 18.0 s; 1,000 did not stall them.
    /// </summary>
    public const int EmbeddedBatchSize = 1_000;

    public static IEndpointRouteBuilder MapBulkIngest(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/ingest/touches", RecordTouchesAsync);
        return endpoints;
    }

    /// <summary>Name of the operation in the audit log.</summary>
    public const string AuditOperation = "POST /ingest/touches";

    private static async Task<IResult> RecordTouchesAsync(HttpRequest request, IGrainFactory grains, ILogger<BulkIngestResponse> logger, CancellationToken cancellationToken)
    {
        // Unauthenticated requests never get here (401 from the security middleware); this is the role check.
        var caller = Caller.From(request.HttpContext.User);
        if (AccessPolicy.Gate(caller, OperationKind.Ingest) is not AccessDecision.Allowed and var decision)
        {
            if (caller is not null)
            {
                await AuditRecorder.TryRecordAsync(grains, caller, AuditOperation, null, ErrorCodes.Forbidden, null, TimeProvider.System);
            }

            return decision == AccessDecision.Unauthenticated
                ? Results.Json(new { error = ErrorCodes.Unauthenticated, reason = AccessErrors.UnauthenticatedMessage }, statusCode: StatusCodes.Status401Unauthorized)
                : Results.Json(new { error = ErrorCodes.Forbidden, reason = AccessErrors.ForbiddenMessage }, statusCode: StatusCodes.Status403Forbidden);
        }

        var result = await IngestAsync(request, grains, logger, cancellationToken);
        var (outcome, detail) = result switch
        {
            IStatusCodeHttpResult { StatusCode: StatusCodes.Status413PayloadTooLarge } => ("PAYLOAD_TOO_LARGE", (string?)null),
            IStatusCodeHttpResult { StatusCode: StatusCodes.Status503ServiceUnavailable } => (ErrorCodes.Unavailable, null),
            IValueHttpResult { Value: BulkIngestResponse response } =>
                (AuditRecorder.Ok, $"accepted {response.Accepted}, duplicates {response.Duplicates}, rejected {response.Rejected.Count}"),
            _ => (AuditRecorder.Ok, null),
        };

        // One entry per request, however many lines it carried. A failed request changed nothing, so its entry is best
        // effort; an acknowledgement waits until its entry is stored, and answers 503 (retry: the lines are then
        // duplicates) when it cannot be.
        var stored = await AuditRecorder.TryRecordAsync(grains, caller!, AuditOperation, null, outcome, detail, TimeProvider.System);
        if (outcome == AuditRecorder.Ok && !stored)
        {
            LogAuditUnavailable(logger);
            return Unavailable(request);
        }

        return result;
    }

    private static async Task<IResult> IngestAsync(HttpRequest request, IGrainFactory grains, ILogger<BulkIngestResponse> logger, CancellationToken cancellationToken)
    {
        List<(int Line, Abstractions.Events.TouchEnvelope Touch)> touches;
        List<BulkRejection> rejected;
        try
        {
            (touches, rejected) = await NdjsonTouchReader.ReadAsync(request.Body, MaxLines, cancellationToken);
        }
        catch (BulkLimitException limit)
        {
            return Results.Json(new { error = "PAYLOAD_TOO_LARGE", reason = limit.Message }, statusCode: StatusCodes.Status413PayloadTooLarge);
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Kestrel's body limit (Frontline:Limits:MaxRequestBodyBytes) stops the read part-way; nothing was recorded yet.
            return Results.Json(new { error = "PAYLOAD_TOO_LARGE", reason = "the request body is larger than the server accepts" }, statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        int accepted = 0, duplicates = 0;
        try
        {
            var profile = request.HttpContext.RequestServices.GetRequiredService<IOptions<FrontlineOptions>>().Value.Profile;
            foreach (var batch in touches.Chunk(FrontlineProfiles.IsCluster(profile) ? ClusterBatchSize : EmbeddedBatchSize))
            {
                var result = await grains.GetIngestGrain().StoreTouchesAsync([.. batch.Select(b => b.Touch)]);
                accepted += result.Accepted;
                duplicates += result.Duplicates;
                rejected.AddRange(result.Rejected.Select(r => new BulkRejection(batch[r.Index].Line, r.Field, r.Reason, r.Code)));
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // What was stored stays stored; the caller retries the whole request and those lines count as duplicates.
            LogUnavailable(logger, exception);
            return Unavailable(request);
        }

        return Results.Json(new BulkIngestResponse(accepted, duplicates, [.. rejected.OrderBy(r => r.Line)]));
    }

    private static IResult Unavailable(HttpRequest request)
    {
        request.HttpContext.Response.Headers.RetryAfter = "1";
        return Results.Json(new { error = ErrorCodes.Unavailable, reason = "storage or cluster unavailable; retry the request" }, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bulk ingest stored its lines but not its audit entry; answering 503")]
    private static partial void LogAuditUnavailable(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bulk ingest failed; answering 503")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);
}

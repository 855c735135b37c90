using System.Text.Json;

namespace Frontline.Tests.Infrastructure;

/// <summary>One result the graphql-ws client received, stamped with the client's clock (Unix epoch milliseconds).</summary>
public sealed record NodeSubscriptionResult(long ReceivedAt, JsonElement Payload);

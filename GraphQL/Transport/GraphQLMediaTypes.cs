using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Frontline.GraphQL.Transport;

/// <summary>Media types of the GraphQL-over-HTTP spec and the Accept negotiation between them.</summary>
internal static class GraphQLMediaTypes
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";
    public const string GraphQLResponseUtf8 = GraphQLResponse + "; charset=utf-8";
    public const string JsonUtf8 = Json + "; charset=utf-8";

    /// <summary>
    /// Picks the response media type. <c>application/graphql-response+json</c> wins ties and is the default,
    /// also when Accept names neither type: the spec lets a server disregard such an Accept header.
    /// </summary>
    public static string NegotiateResponse(HttpRequest request)
    {
        var accept = request.Headers.Accept;
        if (accept.Count == 0 || !MediaTypeHeaderValue.TryParseList(accept, out var entries) || entries.Count == 0)
        {
            return GraphQLResponseUtf8;
        }

        var graphQLQuality = Quality(entries, GraphQLResponse);
        var jsonQuality = Quality(entries, Json);
        return jsonQuality > graphQLQuality ? JsonUtf8 : GraphQLResponseUtf8;
    }

    /// <summary>True when the POST body is declared as JSON in UTF-8, the only request encoding the spec requires.</summary>
    public static bool IsJsonRequest(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var charset = contentType.Charset;
        return !charset.HasValue || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase);
    }

    // The most specific Accept entry matching a media type decides its quality (RFC 9110 §12.5.1).
    // Matching is by hand: MediaTypeHeaderValue.IsSubsetOf treats "+json" suffixes as application/json.
    private static double Quality(IList<MediaTypeHeaderValue> entries, string mediaType)
    {
        var type = mediaType[..mediaType.IndexOf('/', StringComparison.Ordinal)];
        MediaTypeHeaderValue? best = null;
        var bestSpecificity = -1;
        foreach (var entry in entries)
        {
            var specificity = entry.MatchesAllTypes ? 0
                : entry.MatchesAllSubTypes && entry.Type.Equals(type, StringComparison.OrdinalIgnoreCase) ? 1
                : entry.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase) ? 2
                : -1;
            if (specificity > bestSpecificity)
            {
                best = entry;
                bestSpecificity = specificity;
            }
        }

        return best is null ? 0 : best.Quality ?? 1;
    }
}

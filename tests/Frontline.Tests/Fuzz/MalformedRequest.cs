namespace Frontline.Tests.Fuzz;

/// <summary>
/// One generated hostile request. <see cref="Items"/> is how many batch items or NDJSON lines it carries (0 when it is
/// not a batch): every one of them must come back rejected.
/// </summary>
public sealed record MalformedRequest(int Case, string Kind, HttpMethod Method, string PathAndQuery, string? ContentType, byte[] Body, int Items)
{
    /// <summary>A short description for failure messages.</summary>
    public override string ToString()
    {
        var text = System.Text.Encoding.UTF8.GetString(Body);
        return $"case {Case} ({Kind}) {Method} {Truncate(PathAndQuery)} [{ContentType}] {Truncate(text)}";
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + $"... ({text.Length} chars)";
}

namespace Frontline.Silo.Import;

/// <summary>One aggregated path of a path file: its channels and the journeys that followed it.</summary>
/// <param name="Path">Channels in order, trimmed and joined with <c>" &gt; "</c>, so spacing variants of a path are one path.</param>
/// <param name="Conversions">Converting journeys with this path.</param>
/// <param name="Value">Their total conversion value.</param>
/// <param name="Nulls">Journeys with this path that did not convert.</param>
public sealed record ImportedPath(string Path, double Conversions, double Value, double Nulls)
{
    /// <summary>The separator between channels, as written in the files and as sent.</summary>
    public const string Separator = " > ";

    /// <summary>The channels, in order.</summary>
    public IReadOnlyList<string> Channels => Path.Split(Separator);
}

namespace Frontline.Silo.Import;

/// <summary>An item the server refused, traced back to the row it came from.</summary>
public sealed record ServerRejection(ImportKind Kind, string File, int Line, string Field, string Reason, string Code)
{
    /// <summary>The same <c>file:line: field: reason</c> form as a bad row, plus the server's code.</summary>
    public override string ToString() => $"{File}:{Line}: {Field}: {Reason} [{Code}]";
}

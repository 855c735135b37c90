namespace Frontline.Bench;

/// <summary>One size of part 2b: records in the hour before and after, and the time of a one-record write.</summary>
public sealed record BucketWriteRow(int Size, int HeldAfter, Sample Write);

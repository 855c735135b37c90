namespace Frontline.Tests.Storage;

/// <summary>Enum stored by name in <see cref="SampleState"/>.</summary>
public enum SampleStatus
{
    Draft,
    Active,
    Closed,
}

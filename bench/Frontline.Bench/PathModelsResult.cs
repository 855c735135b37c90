namespace Frontline.Bench;

/// <summary>Part 3: the file, what was parsed (paths, conversions, nulls), the models' sanity numbers and the three samples.</summary>
public sealed record PathModelsResult(
    string File,
    int Paths,
    double Conversions,
    double Nulls,
    int Channels,
    double ConversionProbability,
    double ShapleyConversions,
    Sample Parse,
    Sample Markov,
    Sample Shapley);

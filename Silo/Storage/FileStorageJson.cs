using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Serialization;
using Orleans.Storage;

namespace Frontline.Silo.Storage;

/// <summary>Builds the default grain state serializer of the file storage.</summary>
internal static class FileStorageJson
{
    /// <summary>
    /// System.Text.Json with Orleans' defaults (fields included, nulls omitted) plus enums as names,
    /// so reordering an enum can never silently change stored values. <paramref name="orleansOptions"/>
    /// contributes Orleans' converters (grain references, IP endpoints) when running in a silo. A private
    /// options instance keeps this choice from leaking into other users of the shared serializer options.
    /// </summary>
    public static IGrainStorageSerializer CreateSerializer(JsonSerializerOptions? orleansOptions)
    {
        var options = new SystemTextJsonGrainStorageSerializerOptions();
        if (orleansOptions is not null)
        {
            foreach (var converter in orleansOptions.Converters)
            {
                options.JsonSerializerOptions.Converters.Add(converter);
            }
        }

        options.JsonSerializerOptions.Converters.Add(new JsonStringEnumConverter());
        return new SystemTextJsonGrainStorageSerializer(Microsoft.Extensions.Options.Options.Create(options));
    }
}

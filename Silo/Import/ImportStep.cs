using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Frontline.Silo.Import;

/// <summary>All items of one kind, ready to send: the mutation, each item's input object with its source row, and the kind's bad-row count.</summary>
/// <param name="Kind">What the items become.</param>
/// <param name="Mutation">The mutation that ingests them.</param>
/// <param name="Items">Input objects in send order, each with the row it came from.</param>
/// <param name="BadRows">Rows of this kind refused before sending.</param>
public sealed record ImportStep(ImportKind Kind, IngestMutation Mutation, ImmutableArray<Sourced<JsonObject>> Items, int BadRows);

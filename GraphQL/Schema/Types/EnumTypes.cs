using Frontline.Abstractions.Attribution;
using Frontline.Abstractions.Customers;
using Frontline.Abstractions.Opportunities;
using GraphQL.Types;

namespace Frontline.GraphQL.Schema.Types;

/// <summary>PROSPECTING, ENGAGING, WON, LOST.</summary>
public sealed class OpportunityStageGraphType : EnumerationGraphType<OpportunityStage>
{
    public OpportunityStageGraphType() => Description = "Stage of an opportunity; WON and LOST are closed.";
}

/// <summary>HEALTHY, WATCH, AT_RISK.</summary>
public sealed class HealthBandGraphType : EnumerationGraphType<HealthBand>
{
    public HealthBandGraphType() => Description = "Band of a health score: HEALTHY 70-100, WATCH 40-69, AT_RISK 0-39.";
}

/// <summary>The attribution models.</summary>
public sealed class AttributionModelGraphType : EnumerationGraphType<AttributionModel>
{
    public AttributionModelGraphType() => Description = "How credit is split: FIRST_TOUCH, LAST_TOUCH, LINEAR, POSITION_BASED (40/20/40), TIME_DECAY (half-life), W_SHAPED, MARKOV (removal effect), SHAPLEY.";
}

/// <summary>ACTION, CHANNEL.</summary>
public sealed class AttributionDimensionGraphType : EnumerationGraphType<AttributionDimension>
{
    public AttributionDimensionGraphType() => Description = "What credit is reported by.";
}

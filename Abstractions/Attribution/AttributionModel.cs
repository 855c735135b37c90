namespace Frontline.Abstractions.Attribution;

/// <summary>How a conversion's credit is split over the touches in its window (DESIGN §4).</summary>
public enum AttributionModel
{
    /// <summary>All credit to the earliest touch.</summary>
    FirstTouch,

    /// <summary>All credit to the latest touch.</summary>
    LastTouch,

    /// <summary>Equal credit per touch; repeats count.</summary>
    Linear,

    /// <summary>40% first, 40% last, 20% over the touches between (1 touch 100%, 2 touches 50/50).</summary>
    PositionBased,

    /// <summary>Weight 2^(-age / half-life) per touch, age measured to the conversion, normalised.</summary>
    TimeDecay,

    /// <summary>30% first touch, 30% lead creation, 30% last touch before the opportunity opened, 10% over the rest.</summary>
    WShaped,

    /// <summary>First-order Markov removal effect, exact absorbing-chain solution, normalised to conversions.</summary>
    Markov,

    /// <summary>Shapley values of the set-based worth game v(S) = conversions of journeys whose touches lie in S; exact.</summary>
    Shapley,
}

using Frontline.Abstractions.Common;
using Frontline.Abstractions.Customers;

namespace Frontline.Grains.Customers;

/// <summary>Pure validation of a customer registration.</summary>
public static class CustomerRules
{
    public static Rejection? Validate(RegisterCustomerCommand command) =>
        InputLimits.CheckId(command.Id, "id") is { } badId ? badId
        : !Enum.IsDefined(command.Segment) ? Rejection.Invalid("segment", "is required (B2B or B2C)")
        : null;
}

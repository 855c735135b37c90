using Frontline.Abstractions.Common;
using Frontline.Abstractions.Customers;

namespace Frontline.Grains.Customers;

/// <summary>Pure validation of a customer registration.</summary>
public static class CustomerRules
{
    public static Rejection? Validate(RegisterCustomerCommand command) =>
        string.IsNullOrWhiteSpace(command.Id) ? Rejection.Invalid("id", "is required")
        : !Enum.IsDefined(command.Segment) ? Rejection.Invalid("segment", "is required (B2B or B2C)")
        : null;
}

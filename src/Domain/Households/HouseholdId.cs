namespace CaseManager.Domain.Households;

public readonly record struct HouseholdId(Guid Value)
{
    public static HouseholdId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

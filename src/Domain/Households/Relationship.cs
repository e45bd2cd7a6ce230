namespace CaseManager.Domain.Households;

/// <summary>How a member belongs to a household (DOMAIN.md FAM2).</summary>
public enum Relationship
{
    ParentCarer,
    Child,
    Partner,
    Sibling,
    OtherAdult,
}

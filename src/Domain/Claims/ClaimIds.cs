namespace CaseManager.Domain.Claims;

public readonly record struct ClaimId(Guid Value)
{
    public static ClaimId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

public readonly record struct ClaimLineId(Guid Value)
{
    public static ClaimLineId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

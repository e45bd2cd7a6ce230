namespace CaseManager.Domain.Cases;

public readonly record struct CaseId(Guid Value)
{
    public static CaseId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

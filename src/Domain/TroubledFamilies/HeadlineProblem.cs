namespace CaseManager.Domain.TroubledFamilies;

/// <summary>The six headline problems of phase 2 (DOMAIN.md TF4); a family is eligible with two.</summary>
public enum HeadlineProblem
{
    CrimeAsb,
    SchoolAttendance,
    ChildrenNeedHelp,
    Worklessness,
    DomesticAbuse,
    Health,
}

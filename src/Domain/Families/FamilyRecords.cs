using CaseManager.Domain.Cases;
using CaseManager.Domain.Common;
using CaseManager.Domain.Households;

namespace CaseManager.Domain.Families;

/// <summary>What every record of a family case's own (its assessment, its plan) needs of the case.</summary>
public static class FamilyRecords
{
    /// <summary>The case is a family case of this household (FAM1) and still open.</summary>
    public static void EnsureOpenFamilyCase(Case familyCase, Household household)
    {
        EnsureFamilyCase(familyCase);
        if (familyCase.HouseholdId != household.Id)
        {
            throw new DomainRuleException("family.not-family-case", "This record belongs to the family case of another household");
        }

        if (familyCase.Status == CaseStatus.Exited)
        {
            throw new DomainRuleException("case.exited", "This case has been exited");
        }
    }

    public static void EnsureFamilyCase(Case familyCase)
    {
        if (familyCase.HouseholdId is null)
        {
            throw new DomainRuleException("family.not-family-case", "Assessments and plans are kept on a family case (FIT, High Impact Household or Troubled Families), not on a person's case");
        }
    }
}

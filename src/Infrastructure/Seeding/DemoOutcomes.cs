using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Households;
using CaseManager.Domain.Offending;
using CaseManager.Domain.Outcomes;
using CaseManager.Domain.People;
using CaseManager.Domain.Sharing;
using CaseManager.Infrastructure.Persistence;

namespace CaseManager.Infrastructure.Seeding;

/// <summary>
/// Three Troubled Families households with the outcome records eligibility and results are worked from (DOMAIN.md
/// TF1, TF2, TF4), dated back from today: the Harkers meet crime/ASB, education and work in phase 1; the Pryces meet
/// two national criteria and a local one, and their ASB is down 60% with the mother in work for 15 weeks (results
/// met); the Dunns are a near-miss (absence 14.8%, ASB down only 50%). An agreement lets the Troubled Families
/// partners and the council's claims officer read what the programme needs, without health or victim-sensitive data.
/// </summary>
internal static class DemoOutcomes
{
    public static void Add(CaseDbContext db, IReadOnlyDictionary<string, Guid> users, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var fit = AgencyCode.Parse("FIT");
        var housing = AgencyCode.Parse("HOUSING");
        var yos = AgencyCode.Parse("YOS");
        var keyworker = users["keyworker@fit.demo"];
        var term = SchoolTerm.Of(today);

        Person Person(string given, string family, DateOnly born)
        {
            var person = Domain.People.Person.Register(new PersonDetails(given, family, born), fit, keyworker, now);
            db.People.Add(person);
            return person;
        }

        (Household Household, Case Case) Family(string name, int monthsAttached, params (Person Person, Relationship Relationship)[] members)
        {
            var household = Household.Record($"{name} household", null, fit, keyworker, now);
            foreach (var (person, relationship) in members)
            {
                household.AddMember(person.Id, person.DateOfBirth, relationship, today.AddYears(-4), null);
            }

            db.Households.Add(household);
            var familyCase = Case.OpenForHousehold(household.Id, Scheme.TroubledFamilies, fit, today.AddMonths(-monthsAttached), keyworker, keyworker, now, today);
            db.Cases.Add(familyCase);
            return (household, familyCase);
        }

        void Asb(Person person, AsbKind kind, DateOnly on, string description) =>
            db.AsbRecords.Add(AsbRecord.Record(person.Id, kind, on, description, housing, keyworker, now, today));

        void Attendance(Person child, SchoolTerm inTerm, int possible, int absent) =>
            db.EducationRecords.Add(EducationRecord.Record(child.Id, EducationKind.TermAttendance, null, inTerm.ToString(), null, possible, absent, fit, keyworker, now, today));

        // Harker: all three national criteria.
        var lisa = Person("Lisa", "Harker", new DateOnly(1986, 4, 12));
        var jack = Person("Jack", "Harker", today.AddYears(-15).AddDays(-40));
        Family("Harker", 8, (lisa, Relationship.ParentCarer), (jack, Relationship.Child));
        db.Offences.Add(Offence.Record(jack.Id, "Theft", today.AddMonths(-5), today.AddMonths(-4), "Referral order", yos, keyworker, now, today));
        foreach (var daysAgo in new[] { 12, 60, 130 })
        {
            db.EducationRecords.Add(EducationRecord.Record(jack.Id, EducationKind.FixedTermExclusion, today.AddDays(-daysAgo), null, 2, null, null, fit, keyworker, now, today));
        }

        db.EmploymentRecords.Add(EmploymentRecord.Record(lisa.Id, EmploymentKind.OutOfWorkBenefit, BenefitType.Jsa, today.AddYears(-2), null, "Jobseeker's Allowance", fit, keyworker, now, today));
        Asb(lisa, AsbKind.Injunction, today.AddMonths(-10), "Injunction after repeated noise complaints");

        // Pryce: ASB and work, plus a local criterion; results met since entry seven months ago.
        var gemma = Person("Gemma", "Pryce", new DateOnly(1990, 9, 3));
        var ryan = Person("Ryan", "Pryce", today.AddYears(-11));
        var dean = Person("Dean", "Pryce", new DateOnly(1988, 2, 14));
        var (pryceHousehold, pryces) = Family("Pryce", 7, (gemma, Relationship.ParentCarer), (dean, Relationship.Partner), (ryan, Relationship.Child));
        var entry = pryces.StartDate;
        for (var i = 0; i < 5; i++)
        {
            Asb(gemma, AsbKind.Incident, entry.AddDays(-20 - (i * 25)), "Noise and threats reported by neighbours");
        }

        Asb(gemma, AsbKind.HousingIntervention, entry.AddDays(-10), "Tenancy warning for anti-social behaviour");
        Asb(gemma, AsbKind.Incident, today.AddMonths(-2), "Dispute with a neighbour");
        Asb(gemma, AsbKind.Incident, today.AddMonths(-4), "Noise complaint");
        db.EmploymentRecords.Add(EmploymentRecord.Record(gemma.Id, EmploymentKind.OutOfWorkBenefit, BenefitType.Esa, today.AddYears(-3), today.AddDays(-106), null, fit, keyworker, now, today));
        db.EmploymentRecords.Add(EmploymentRecord.Record(dean.Id, EmploymentKind.OutOfWorkBenefit, BenefitType.Jsa, today.AddYears(-1), null, null, fit, keyworker, now, today));
        db.EmploymentRecords.Add(EmploymentRecord.Record(gemma.Id, EmploymentKind.InWork, null, today.AddDays(-105), null, "Care assistant, 30 hours a week", fit, keyworker, now, today));
        db.LocalCriterionRecords.Add(LocalCriterionRecord.Record(pryces, pryceHousehold, "RiskOfEviction", DataCategory.EducationEmploymentBenefits,
            null, entry.AddDays(-5), "Notice seeking possession served for rent arrears and anti-social behaviour", housing, keyworker, now, today));

        // Dunn: the near-miss, for eligibility (absence just under 15%) and results (ASB down 50%, 60% needed).
        var carl = Person("Carl", "Dunn", new DateOnly(1982, 1, 20));
        var mia = Person("Mia", "Dunn", today.AddYears(-13));
        var (_, dunns) = Family("Dunn", 9, (carl, Relationship.ParentCarer), (mia, Relationship.Child));
        for (var i = 0; i < 4; i++)
        {
            Asb(carl, AsbKind.Incident, dunns.StartDate.AddDays(-15 - (i * 30)), "Drunk and abusive in the street");
        }

        Asb(carl, AsbKind.AcceptableBehaviourContract, today.AddMonths(-3), "Acceptable behaviour contract signed");
        Asb(carl, AsbKind.Incident, today.AddMonths(-1), "Shouting at neighbours");
        db.EmploymentRecords.Add(EmploymentRecord.Record(carl.Id, EmploymentKind.OutOfWorkBenefit, BenefitType.UniversalCredit, today.AddYears(-1), null, null, fit, keyworker, now, today));
        Attendance(mia, term.Previous(), 110, 16);
        Attendance(mia, term.Previous(2), 120, 18);

        db.SharingAgreements.Add(SharingAgreement.Create(
            new SharingAgreementTerms(
                "Troubled Families: eligibility, results and claims",
                [fit, housing, yos, AgencyCode.Parse("CSC"), AgencyCode.Parse("COUNCIL")],
                [DataCategory.Identity, DataCategory.Offending, DataCategory.ChildrenSafeguarding, DataCategory.EducationEmploymentBenefits],
                [Scheme.TroubledFamilies],
                LawfulBasis.PublicTask,
                "DPA 2018 Schedule 1 paragraph 6 (statutory purposes)",
                "Children Act 2004 s10; Welfare Reform Act 2012 s131",
                ConsentRequired: false,
                new DateOnly(today.Year - 2, 4, 1),
                null),
            users["ig.lead@council.demo"],
            now));
    }
}

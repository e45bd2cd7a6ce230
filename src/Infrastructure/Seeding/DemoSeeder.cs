using CaseManager.Application.Reviews;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.People;
using CaseManager.Domain.Reviews;
using CaseManager.Domain.Sharing;
using CaseManager.Infrastructure.Identity;
using CaseManager.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseManager.Infrastructure.Seeding;

/// <summary>
/// Seeds the demo partnership and a few people whose stories come from the partnership's strategy page.
/// Idempotent: what exists already is left alone, so restarting never duplicates anything. All or nothing: everything,
/// Identity's users and roles included (UserManager saves through this same DbContext), is written in one
/// transaction, so a process killed while seeding leaves nothing and the next start seeds it all. One process seeds
/// at a time (<see cref="DatabaseStartupLock"/>), so two instances starting at once do not both seed.
/// </summary>
public sealed partial class DemoSeeder(
    CaseDbContext db,
    UserManager<ApplicationUser> userManager,
    IOptions<DemoOptions> options,
    TimeProvider clock,
    ILogger<DemoSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var startupLock = await DatabaseStartupLock.AcquireAsync(db, logger, DatabaseStartupLock.DefaultTimeout, cancellationToken);
        LogSeeding();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await SeedInTransactionAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogSeeded(DemoPartnership.Agencies.Count, DemoPartnership.Users.Count);
    }

    private async Task SeedInTransactionAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var (code, name, schemes) in DemoPartnership.Agencies)
        {
            var agencyCode = AgencyCode.Parse(code);
            if (!await db.Agencies.AnyAsync(a => a.Code == agencyCode, cancellationToken))
            {
                db.Agencies.Add(Agency.Register(agencyCode, name, schemes, now));
            }
        }

        await db.SaveChangesAsync(cancellationToken);

        var usersByEmail = new Dictionary<string, ApplicationUser>(StringComparer.OrdinalIgnoreCase);
        foreach (var (email, displayName, agency, roles) in DemoPartnership.Users)
        {
            var user = await userManager.FindByEmailAsync(email);
            if (user is null)
            {
                user = new ApplicationUser
                {
                    Id = Guid.CreateVersion7(),
                    UserName = email,
                    Email = email,
                    EmailConfirmed = true,
                    DisplayName = displayName,
                    AgencyCode = agency,
                    CreatedAt = now,
                    LockoutEnabled = true,
                };
                Check(await userManager.CreateAsync(user, options.Value.Password));
                Check(await userManager.AddToRolesAsync(user, roles.Select(r => r.ToString())));
            }

            usersByEmail[email] = user;
        }

        if (!await db.People.AnyAsync(cancellationToken))
        {
            foreach (var (owner, creator, details) in DemoPeople(now))
            {
                db.People.Add(Person.Register(details, AgencyCode.Parse(owner), usersByEmail[creator].Id, now));
            }

            await db.SaveChangesAsync(cancellationToken);
            await SeedSharingAsync(usersByEmail, now, cancellationToken);

            // The demo's agreements are worked out here, with the seed, not by the background derivation (ADR 0026):
            // the partnership starts with its sharing in force.
            await db.RebuildSharingRightsAsync(cancellationToken);
            if (options.Value.ClaimFamilies)
            {
                await DemoClaims.SeedAsync(db, usersByEmail.ToDictionary(u => u.Key, u => u.Value.Id, StringComparer.OrdinalIgnoreCase), now, cancellationToken);
            }
        }

        if (!await db.ReferenceFigures.AnyAsync(cancellationToken))
        {
            db.ReferenceFigures.AddRange(DemoReferenceFigures(usersByEmail["admin@council.demo"].Id, now));
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>The strategy page's own figures, as an administrator would enter them for the partnership report.</summary>
    private static IEnumerable<Domain.Reporting.ReferenceFigure> DemoReferenceFigures(Guid admin, DateTimeOffset now)
    {
        const string survey = "Local confidence survey (strategy page, priority 1)";
        const string probation = "Durham Tees Valley probation trust (strategy page, priority 2)";
        const string daat = "Connected recovery service (strategy page, priority 3)";
        yield return Domain.Reporting.ReferenceFigure.Record("AsbPerception", Domain.Reporting.PartnershipPriority.Asb,
            "People who believe ASB is a problem in their area", 17.8m, Domain.Reporting.ReferenceUnit.Percent, new DateOnly(2010, 3, 31), survey, admin, now);
        yield return Domain.Reporting.ReferenceFigure.Record("AsbPerception", Domain.Reporting.PartnershipPriority.Asb,
            "People who believe ASB is a problem in their area", 7.6m, Domain.Reporting.ReferenceUnit.Percent, new DateOnly(2013, 3, 31), survey, admin, now);
        yield return Domain.Reporting.ReferenceFigure.Record("TopTenOffendersCost", Domain.Reporting.PartnershipPriority.Reoffending,
            "Cost of working with the top ten offenders", 439_529m, Domain.Reporting.ReferenceUnit.Pounds, new DateOnly(2010, 3, 31), probation, admin, now);
        yield return Domain.Reporting.ReferenceFigure.Record("TopTenOffendersCost", Domain.Reporting.PartnershipPriority.Reoffending,
            "Cost of working with the top ten offenders", 173_647m, Domain.Reporting.ReferenceUnit.Pounds, new DateOnly(2013, 3, 31), probation, admin, now);
        yield return Domain.Reporting.ReferenceFigure.Record("LongTermMethadoneShare", Domain.Reporting.PartnershipPriority.DrugsAndAlcohol,
            "People in drug treatment on long-term methadone maintenance", 90m, Domain.Reporting.ReferenceUnit.Percent, new DateOnly(2012, 3, 31), daat, admin, now);
        yield return Domain.Reporting.ReferenceFigure.Record("LongTermMethadoneShare", Domain.Reporting.PartnershipPriority.DrugsAndAlcohol,
            "People in drug treatment on long-term methadone maintenance", 43m, Domain.Reporting.ReferenceUnit.Percent, new DateOnly(2013, 3, 31), daat, admin, now);
        yield return Domain.Reporting.ReferenceFigure.Record("TroubledFamiliesIdentified", Domain.Reporting.PartnershipPriority.Families,
            "Troubled families identified for Darlington (as advised by government)", 275m, Domain.Reporting.ReferenceUnit.Count, new DateOnly(2012, 4, 1), "Troubled Families programme (strategy page, priority 4)", admin, now);
    }

    private static IEnumerable<(string Owner, string Creator, PersonDetails Details)> DemoPeople(DateTimeOffset now)
    {
        // A: 14 offences in 2009-10, mostly while drunk; taken onto IOM, completed alcohol treatment.
        yield return ("POLICE", "iom.officer@police.demo", new PersonDetails(
            "Adam", "Ashby", new DateOnly(1986, 3, 14), "Male",
            PersonIdentifiers.Create("11/482913K", "D482913", null, null), "14 Coniscliffe Court, Darlington"));

        // T: custodial sentence, prison visits, restorative justice, negative drug tests.
        yield return ("PROBATION", "offender.manager@probation.demo", new PersonDetails(
            "Tom", "Tindall", new DateOnly(1990, 7, 2), "Male",
            PersonIdentifiers.Create("09/233871P", "X233871", null, null), "Approved premises, North Road, Darlington"));

        // K: alcohol recovery, now a recovery worker and mentor.
        yield return ("DAAT", "recovery.worker@daat.demo", new PersonDetails(
            "Kerry", "Kirkbride", new DateOnly(1979, 11, 20), "Female",
            PersonIdentifiers.Create(null, null, "9434765919", null), "3 Bondgate Mews, Darlington"));

        // A family worked by the Family Intervention Team.
        yield return ("FIT", "keyworker@fit.demo", new PersonDetails(
            "Dawn", "Marsh", new DateOnly(1984, 5, 9), "Female", null, "27 Cockerton Green, Darlington"));
        yield return ("FIT", "keyworker@fit.demo", new PersonDetails(
            "Jayden", "Marsh", DateOnly.FromDateTime(now.UtcDateTime).AddYears(-15).AddDays(-40), "Male",
            PersonIdentifiers.Create(null, null, null, "H801200001234"), "27 Cockerton Green, Darlington"));
        yield return ("FIT", "keyworker@fit.demo", new PersonDetails(
            "Chloe", "Marsh", DateOnly.FromDateTime(now.UtcDateTime).AddYears(-11).AddDays(-200), "Female",
            PersonIdentifiers.Create(null, null, null, "H801200005678"), "27 Cockerton Green, Darlington"));
    }

    /// <summary>
    /// The schemes the demo people are enrolled in, and the partnership's agreements: IOM offending data shared
    /// between police and probation without consent (public task, Crime and Disorder Act s115); Think Family data
    /// shared across FIT, housing, children's social care and the drug and alcohol team with consent; health data
    /// covered by no agreement that does without consent.
    /// </summary>
    private async Task SeedSharingAsync(Dictionary<string, ApplicationUser> users, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var people = await db.People.ToDictionaryAsync(p => p.FamilyName + "/" + p.GivenName, p => p.Id, cancellationToken);
        Case Open(string person, Scheme scheme, string agency, int monthsAgo, string worker) =>
            Case.Open(people[person], scheme, AgencyCode.Parse(agency), today.AddMonths(-monthsAgo), users[worker].Id, now, today);

        var adamTreatment = Open("Ashby/Adam", Scheme.AdultTreatment, "DAAT", 7, "recovery.worker@daat.demo");
        var others = new[]
        {
            adamTreatment,
            Open("Marsh/Dawn", Scheme.Fit, "FIT", 5, "keyworker@fit.demo"),
            Open("Marsh/Dawn", Scheme.AdultTreatment, "DAAT", 4, "recovery.worker@daat.demo"),
        };
        var treatment = new DemoTreatment(people, users.ToDictionary(u => u.Key, u => u.Value.Id, StringComparer.OrdinalIgnoreCase), now);
        treatment.EpisodeFor(adamTreatment, "Criminal justice (IOM)", Domain.Treatment.TreatmentSubstance.Alcohol);
        treatment.EpisodeFor(others[2], "Family Intervention Team", Domain.Treatment.TreatmentSubstance.Alcohol, Domain.Treatment.TreatmentSubstance.Cannabis);
        treatment.Kerry();
        treatment.MethadoneToReduction();
        treatment.OpiateCohort();
        treatment.SwitchYoungPerson();
        foreach (var other in others)
        {
            other.ScheduleNextReview(NextReviewOnOrAfter(other.StartDate, ReviewOptions.DefaultIntervalDays(other.Scheme), today));
        }

        var stories = new DemoStories(people, users.ToDictionary(u => u.Key, u => u.Value.Id, StringComparer.OrdinalIgnoreCase), now);
        db.Cases.AddRange(others);
        db.Cases.AddRange(stories.Adam(adamTreatment), stories.Tom());
        db.Offences.AddRange(stories.Offences);
        db.Interventions.AddRange(stories.Interventions);
        db.People.AddRange(treatment.People);
        db.Cases.AddRange(treatment.Cases);
        db.TreatmentEpisodes.AddRange(treatment.Episodes);
        db.TreatmentInterventions.AddRange(treatment.TreatmentInterventions);
        db.TopRecords.AddRange(treatment.Tops);
        db.Interventions.AddRange(treatment.Interventions);
        foreach (var open in treatment.Cases.Where(c => c.IsOpen))
        {
            open.ScheduleNextReview(NextReviewOnOrAfter(open.StartDate, ReviewOptions.DefaultIntervalDays(open.Scheme), today));
        }
        if (options.Value.OutcomeFamilies)
        {
            DemoOutcomes.Add(db, users.ToDictionary(u => u.Key, u => u.Value.Id, StringComparer.OrdinalIgnoreCase), now);
        }

        var ig = users["ig.lead@council.demo"].Id;
        var since = new DateOnly(today.Year - 2, 4, 1);
        db.SharingAgreements.AddRange(
            SharingAgreement.Create(
                new SharingAgreementTerms(
                    "IOM: offending information between police and probation",
                    [AgencyCode.Parse("POLICE"), AgencyCode.Parse("PROBATION")],
                    [DataCategory.Identity, DataCategory.Offending],
                    [Scheme.Iom],
                    LawfulBasis.PublicTask,
                    null,
                    "Crime and Disorder Act 1998 s115",
                    ConsentRequired: false,
                    since,
                    null),
                ig,
                now),
            SharingAgreement.Create(
                new SharingAgreementTerms(
                    "Think Family: whole-family working with consent",
                    [AgencyCode.Parse("FIT"), AgencyCode.Parse("HOUSING"), AgencyCode.Parse("CSC"), AgencyCode.Parse("DAAT")],
                    [DataCategory.Identity, DataCategory.ChildrenSafeguarding, DataCategory.EducationEmploymentBenefits, DataCategory.HealthSubstanceMisuse],
                    [Scheme.Fit, Scheme.HighImpactHousehold, Scheme.TroubledFamilies],
                    LawfulBasis.PublicTask,
                    null,
                    "Children Act 2004 s10",
                    ConsentRequired: true,
                    since,
                    null),
                ig,
                now));

        var consents = new[]
        {
            Consent.Record(
                new ConsentDecision(
                    people["Marsh/Dawn"],
                    Scheme.Fit,
                    [AgencyCode.Parse("FIT"), AgencyCode.Parse("HOUSING"), AgencyCode.Parse("CSC"), AgencyCode.Parse("DAAT")],
                    [DataCategory.Identity, DataCategory.ChildrenSafeguarding, DataCategory.HealthSubstanceMisuse],
                    ConsentStatus.Given,
                    ConsentGivenBy.Self,
                    today.AddMonths(-5),
                    null,
                    "Signed Think Family consent form, scanned to the family file"),
                AgencyCode.Parse("FIT"),
                users["keyworker@fit.demo"].Id,
                today.AddMonths(7),
                today),

            // Kerry agreed a year ago that her recovery worker may talk to NECA about peer mentoring: the consent
            // review is due within days, so the reviews page and the review-reminders job have one to show.
            Consent.Record(
                new ConsentDecision(
                    people["Kirkbride/Kerry"],
                    Scheme.AdultTreatment,
                    [AgencyCode.Parse("NECA")],
                    [DataCategory.Identity, DataCategory.HealthSubstanceMisuse],
                    ConsentStatus.Given,
                    ConsentGivenBy.Self,
                    today.AddMonths(-12).AddDays(4),
                    null,
                    "Signed at her recovery plan review"),
                AgencyCode.Parse("DAAT"),
                users["recovery.worker@daat.demo"].Id,
                today.AddMonths(-12).AddDays(4).AddMonths(12),
                today),
        };
        db.Consents.AddRange(consents);

        // Each given demo consent is reviewed on its review date.
        db.Reviews.AddRange(consents.Select(c => Review.ScheduleFor(c, now)));

        // Each open demo case has its next review as a row, and a pending exit nomination its decision review.
        foreach (var seeded in db.ChangeTracker.Entries<Case>().Select(e => e.Entity).Where(c => c.IsOpen).ToList())
        {
            if (seeded.NextReviewDue is { } due)
            {
                db.Reviews.Add(Review.Schedule(seeded, ReviewKind.Scheme, due, now));
            }

            if (seeded.PendingExitNomination is { } pending)
            {
                db.Reviews.Add(Review.Schedule(seeded, ReviewKind.ExitDecision, DateOnly.FromDateTime(pending.NominatedAt.UtcDateTime).AddDays(14), now));
            }
        }

        await db.SaveChangesAsync(cancellationToken);

        // The Marsh family as one household, a High Impact Household with several agencies involved.
        var marshes = await db.People.Where(p => p.FamilyName == "Marsh").ToListAsync(cancellationToken);
        await DemoFamilies.MarshAsync(db, marshes, users.ToDictionary(u => u.Key, u => u.Value.Id, StringComparer.OrdinalIgnoreCase), now,
            highImpact => NextReviewOnOrAfter(highImpact.StartDate, ReviewOptions.DefaultIntervalDays(highImpact.Scheme), today), cancellationToken);
    }

    /// <summary>Demo cases started months ago: their next review is the first one on the schedule that is not yet past.</summary>
    private static DateOnly NextReviewOnOrAfter(DateOnly start, int intervalDays, DateOnly today)
    {
        var due = start.AddDays(intervalDays);
        while (due < today)
        {
            due = due.AddDays(intervalDays);
        }

        return due;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo seeding failed: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeding the demo partnership")]
    private partial void LogSeeding();

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo partnership ready: {Agencies} agencies, {Users} users")]
    private partial void LogSeeded(int agencies, int users);
}

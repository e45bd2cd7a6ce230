using CaseManager.Domain.Cases;

namespace CaseManager.Application.IntegrationTests.AccessModel;

/// <summary>
/// Takes a failing world and greedily removes whatever the failure does not need: users, people (with their
/// cases, consents and grants), cases, agreements, consents, grants, unused agencies, single entries of every
/// set, and a case's unusual category or status. CsCheck shrinks by sampling smaller worlds with the iterations it has left; this pass then guarantees that
/// nothing more can be taken away, so the printed counter-example is as short as the failure allows.
/// </summary>
public static class WorldMinimiser
{
    public static async Task<World> MinimiseAsync(World world, Func<World, Task<bool>> fails)
    {
        var current = world;
        bool removedAny;
        do
        {
            removedAny = false;
            var position = 0;
            while (Reductions(current).ElementAtOrDefault(position) is { } smaller)
            {
                if (await fails(smaller))
                {
                    current = smaller;
                    removedAny = true;
                }
                else
                {
                    position++;
                }
            }
        }
        while (removedAny);

        return current;
    }

    private static IEnumerable<World> Reductions(World w)
    {
        for (var u = 0; u < w.Users.Count && w.Users.Count > 1; u++)
        {
            yield return WithoutUser(w, u);
        }

        for (var p = 0; p < w.People.Count && w.People.Count > 1; p++)
        {
            yield return WithoutPerson(w, p);
        }

        for (var i = 0; i < w.FamilyCases.Count; i++)
        {
            yield return Renumber(w with { FamilyCases = Without(w.FamilyCases, i) });
        }

        for (var h = 0; h < w.Households.Count; h++)
        {
            if (!w.FamilyCases.Any(f => f.Household == h))
            {
                yield return Renumber(w with
                {
                    Households = Without(w.Households, h),
                    FamilyCases = [.. w.FamilyCases.Select(f => f with { Household = Shift(f.Household, h) })],
                });
            }

            for (var m = 0; m < w.Households[h].Memberships.Count; m++)
            {
                yield return w with { Households = Replace(w.Households, h, w.Households[h] with { Memberships = Without(w.Households[h].Memberships, m) }) };
            }
        }

        for (var i = 0; i < w.Grants.Count; i++)
        {
            yield return Renumber(w with { Grants = Without(w.Grants, i) });
        }

        for (var i = 0; i < w.Consents.Count; i++)
        {
            yield return Renumber(w with { Consents = Without(w.Consents, i) });
        }

        for (var i = 0; i < w.Agreements.Count; i++)
        {
            yield return Renumber(w with { Agreements = Without(w.Agreements, i) });
        }

        for (var i = 0; i < w.Cases.Count; i++)
        {
            yield return Renumber(w with { Cases = Without(w.Cases, i) });
        }

        for (var a = 0; a < w.Agencies.Count && w.Agencies.Count > 2; a++)
        {
            if (!IsUsed(w, a))
            {
                yield return WithoutAgency(w, a);
            }
        }

        foreach (var smaller in SmallerParts(w))
        {
            yield return smaller;
        }
    }

    private static IEnumerable<World> SmallerParts(World w)
    {
        for (var i = 0; i < w.Cases.Count; i++)
        {
            var c = w.Cases[i];
            if (c.Relabelled)
            {
                yield return w with { Cases = Replace(w.Cases, i, c with { Category = Case.CategoryOf(c.Scheme), Relabelled = false }) };
            }

            if (c.Status != CaseStatus.Active)
            {
                yield return w with { Cases = Replace(w.Cases, i, c with { Status = CaseStatus.Active }) };
            }
        }

        for (var a = 0; a < w.Agencies.Count; a++)
        {
            for (var s = 0; s < w.Agencies[a].Schemes.Count; s++)
            {
                yield return w with { Agencies = Replace(w.Agencies, a, w.Agencies[a] with { Schemes = Without(w.Agencies[a].Schemes, s) }) };
            }
        }

        for (var u = 0; u < w.Users.Count; u++)
        {
            for (var r = 0; r < w.Users[u].Roles.Count && w.Users[u].Roles.Count > 1; r++)
            {
                yield return w with { Users = Replace(w.Users, u, w.Users[u] with { Roles = Without(w.Users[u].Roles, r) }) };
            }
        }

        for (var i = 0; i < w.Agreements.Count; i++)
        {
            var agreement = w.Agreements[i];
            for (var j = 0; j < agreement.Agencies.Count && agreement.Agencies.Count > 2; j++)
            {
                yield return w with { Agreements = Replace(w.Agreements, i, agreement with { Agencies = Without(agreement.Agencies, j) }) };
            }

            for (var j = 0; j < agreement.Categories.Count && agreement.Categories.Count > 1; j++)
            {
                yield return w with { Agreements = Replace(w.Agreements, i, agreement with { Categories = Without(agreement.Categories, j) }) };
            }

            for (var j = 0; j < agreement.Purposes.Count && agreement.Purposes.Count > 1; j++)
            {
                yield return w with { Agreements = Replace(w.Agreements, i, agreement with { Purposes = Without(agreement.Purposes, j) }) };
            }
        }

        for (var i = 0; i < w.Consents.Count; i++)
        {
            var consent = w.Consents[i];
            for (var j = 0; j < consent.Recipients.Count && consent.Recipients.Count > 1; j++)
            {
                yield return w with { Consents = Replace(w.Consents, i, consent with { Recipients = Without(consent.Recipients, j) }) };
            }

            for (var j = 0; j < consent.Categories.Count && consent.Categories.Count > 1; j++)
            {
                yield return w with { Consents = Replace(w.Consents, i, consent with { Categories = Without(consent.Categories, j) }) };
            }
        }
    }

    private static World WithoutUser(World w, int user) => Renumber(w with
    {
        Users = Without(w.Users, user),
        Grants = [.. w.Grants.Where(g => g.User != user).Select(g => g with { User = Shift(g.User, user) })],
    });

    private static World WithoutPerson(World w, int person) => Renumber(w with
    {
        People = Without(w.People, person),
        Cases = [.. w.Cases.Where(c => c.Person != person).Select(c => c with { Person = Shift(c.Person, person) })],
        Consents = [.. w.Consents.Where(k => k.Person != person).Select(k => k with { Person = Shift(k.Person, person) })],
        Grants = [.. w.Grants.Where(g => g.Person != person).Select(g => g with { Person = Shift(g.Person, person) })],
        Households = [.. w.Households.Select(h => h with { Memberships = [.. h.Memberships.Where(m => m.Person != person).Select(m => m with { Person = Shift(m.Person, person) })] })],
    });

    private static bool IsUsed(World w, int agency) =>
        w.Users.Any(u => u.Agency == agency)
        || w.People.Any(p => p.Owner == agency)
        || w.Cases.Any(c => c.Owner == agency)
        || w.Agreements.Any(a => a.Agencies.Contains(agency))
        || w.Consents.Any(k => k.Owner == agency || k.Recipients.Contains(agency))
        || w.Households.Any(h => h.Owner == agency)
        || w.FamilyCases.Any(f => f.Owner == agency);

    private static World WithoutAgency(World w, int agency) => w with
    {
        Agencies = [.. Without(w.Agencies, agency).Select((a, i) => a with { Code = WorldGenerator.AgencyCodes[i] })],
        Users = [.. w.Users.Select(u => u with { Agency = Shift(u.Agency, agency) })],
        People = [.. w.People.Select(p => p with { Owner = Shift(p.Owner, agency) })],
        Cases = [.. w.Cases.Select(c => c with { Owner = Shift(c.Owner, agency) })],
        Agreements = [.. w.Agreements.Select(a => a with { Agencies = [.. a.Agencies.Select(x => Shift(x, agency))] })],
        Consents = [.. w.Consents.Select(k => k with { Owner = Shift(k.Owner, agency), Recipients = [.. k.Recipients.Select(x => Shift(x, agency))] })],
        Households = [.. w.Households.Select(h => h with { Owner = Shift(h.Owner, agency) })],
        FamilyCases = [.. w.FamilyCases.Select(f => f with { Owner = Shift(f.Owner, agency) })],
    };

    /// <summary>Labels come from positions, so after a removal everything is numbered again from 1.</summary>
    private static World Renumber(World w) => w with
    {
        Users = [.. w.Users.Select((u, i) => u with { Index = i })],
        People = [.. w.People.Select((p, i) => p with { Index = i })],
        Cases = [.. w.Cases.Select((c, i) => c with { Index = i })],
        Agreements = [.. w.Agreements.Select((a, i) => a with { Index = i })],
        Consents = [.. w.Consents.Select((k, i) => k with { Index = i })],
        Grants = [.. w.Grants.Select((g, i) => g with { Index = i })],
        Households = [.. w.Households.Select((h, i) => h with { Index = i })],
        FamilyCases = [.. w.FamilyCases.Select((f, i) => f with { Index = i })],
    };

    private static int Shift(int index, int removed) => index > removed ? index - 1 : index;

    private static T[] Without<T>(IReadOnlyList<T> items, int index) => [.. items.Where((_, i) => i != index)];

    private static T[] Replace<T>(IReadOnlyList<T> items, int index, T item) => [.. items.Select((x, i) => i == index ? item : x)];
}

import datetime
from decimal import Decimal

import factory

from portal.core.models import OrganisationKind
from portal.core.tests.factories import OrganisationFactory
from portal.partnership.models import (
    AgeBand,
    ContactCourse,
    Interview,
    JobClubActivity,
    Outcome,
    PartnershipAgreement,
)


class FundFactory(OrganisationFactory):
    kind = OrganisationKind.UFUND


class ContactCourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactCourse

    course_id = factory.Sequence(lambda n: f"K-{n:06d}")
    fund = factory.SubFactory(FundFactory)
    citizen_key = factory.Sequence(lambda n: f"borger-{n}")
    unemployment_start = datetime.date(2016, 1, 15)
    age_band = AgeBand.FROM_30


class InterviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Interview

    interview_id = factory.Sequence(lambda n: f"S-{n:06d}")
    course = factory.SubFactory(ContactCourseFactory)
    kind = Interview.Kind.JOB
    held_on = datetime.date(2016, 2, 15)
    held_by = "fund"
    channel = Interview.Channel.IN_PERSON
    status = Interview.Status.HELD


class JobClubActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JobClubActivity

    activity_id = factory.Sequence(lambda n: f"J-{n:06d}")
    course = factory.SubFactory(ContactCourseFactory)
    start_date = datetime.date(2016, 3, 1)
    cost_dkk = Decimal("1500.00")


class OutcomeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outcome

    course = factory.SubFactory(ContactCourseFactory)
    weeks_after_start = 26
    self_supporting = True


class PartnershipAgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnershipAgreement

    fund = factory.SubFactory(FundFactory)
    year = 2016

"""Database tables (SQLAlchemy 2 ORM). Migrations live in ``store/migrations``.

Every extracted value row carries ``doc_id`` and ``start``/``end`` character
offsets into ``documents.text``; its ``text`` column repeats the source text so
that provenance can be checked (``documents.text[start:end] == text``).
"""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import Boolean, DateTime, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def _now() -> datetime:
    return datetime.now(timezone.utc)


class Base(DeclarativeBase):
    pass


class DocumentRow(Base):
    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    title: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(32), index=True)
    source: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    origin: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16), default="text")
    text: Mapped[str] = mapped_column(Text)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)

    events: Mapped[list["EventRow"]] = relationship(back_populates="document", cascade="all, delete-orphan")
    statements: Mapped[list["StatementRow"]] = relationship(back_populates="document", cascade="all, delete-orphan")


class SpanMixin:
    """A source span in a document."""

    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class TimexRow(SpanMixin, Base):
    __tablename__ = "timexes"

    id: Mapped[int] = mapped_column(primary_key=True)
    doc_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    type: Mapped[str] = mapped_column(String(16))
    value: Mapped[str] = mapped_column(String(64))
    anchor: Mapped[str | None] = mapped_column(String(64))
    mod: Mapped[str | None] = mapped_column(String(16))


class EntityRow(Base):
    """A canonical entity across documents (person, organisation, place ...)."""

    __tablename__ = "entities"
    __table_args__ = (UniqueConstraint("key", name="uq_entities_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(255))
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(32), default="unknown")


class MentionRow(SpanMixin, Base):
    __tablename__ = "mentions"

    id: Mapped[int] = mapped_column(primary_key=True)
    doc_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    label: Mapped[str] = mapped_column(String(16))
    entity_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id"), index=True)


class ClusterRow(Base):
    """One real-world incident reported by one or more documents."""

    __tablename__ = "clusters"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    type: Mapped[str] = mapped_column(String(32))
    date_value: Mapped[str | None] = mapped_column(String(32), index=True)
    country: Mapped[str | None] = mapped_column(String(8), index=True)
    place_name: Mapped[str | None] = mapped_column(Text)
    label: Mapped[str | None] = mapped_column(Text)


class EventRow(Base):
    __tablename__ = "events"
    __table_args__ = (Index("ix_events_doc_idx", "doc_id", "idx", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    doc_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    idx: Mapped[int] = mapped_column(Integer)
    type: Mapped[str] = mapped_column(String(32), index=True)
    types: Mapped[str] = mapped_column(Text, default="")  # comma-separated, primary first
    trigger_start: Mapped[int] = mapped_column(Integer)
    trigger_end: Mapped[int] = mapped_column(Integer)
    trigger_text: Mapped[str] = mapped_column(Text)
    sentence_start: Mapped[int] = mapped_column(Integer)
    sentence_end: Mapped[int] = mapped_column(Integer)
    date_value: Mapped[str | None] = mapped_column(String(32), index=True)
    date_start: Mapped[int | None] = mapped_column(Integer)
    date_end: Mapped[int | None] = mapped_column(Integer)
    date_text: Mapped[str | None] = mapped_column(Text)
    place_name: Mapped[str | None] = mapped_column(Text)
    place_start: Mapped[int | None] = mapped_column(Integer)
    place_end: Mapped[int | None] = mapped_column(Integer)
    place_text: Mapped[str | None] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(String(8), index=True)
    country_name: Mapped[str | None] = mapped_column(Text)
    region: Mapped[str | None] = mapped_column(Text)
    city: Mapped[str | None] = mapped_column(Text)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    background: Mapped[bool] = mapped_column(Boolean, default=False)
    cluster_id: Mapped[int | None] = mapped_column(ForeignKey("clusters.id"), index=True)

    document: Mapped[DocumentRow] = relationship(back_populates="events")
    arguments: Mapped[list["ArgumentRow"]] = relationship(back_populates="event", cascade="all, delete-orphan")
    figures: Mapped[list["FigureRow"]] = relationship(back_populates="event", cascade="all, delete-orphan")


class ArgumentRow(SpanMixin, Base):
    __tablename__ = "event_arguments"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    doc_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(32))
    entity: Mapped[str | None] = mapped_column(Text)
    entity_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id"), index=True)
    responsibility: Mapped[str | None] = mapped_column(String(16))

    event: Mapped[EventRow] = relationship(back_populates="arguments")


class FigureRow(SpanMixin, Base):
    __tablename__ = "figures"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    doc_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(32), index=True)
    value: Mapped[int] = mapped_column(Integer)
    value_max: Mapped[int | None] = mapped_column(Integer)
    qualifier: Mapped[str | None] = mapped_column(String(16))
    modifier: Mapped[str | None] = mapped_column(String(32))
    counted_start: Mapped[int | None] = mapped_column(Integer)
    counted_end: Mapped[int | None] = mapped_column(Integer)
    counted_text: Mapped[str | None] = mapped_column(Text)
    reporter_start: Mapped[int | None] = mapped_column(Integer)
    reporter_end: Mapped[int | None] = mapped_column(Integer)
    reporter_text: Mapped[str | None] = mapped_column(Text)
    date_value: Mapped[str | None] = mapped_column(String(32))

    event: Mapped[EventRow] = relationship(back_populates="figures")


class StatementRow(Base):
    __tablename__ = "statements"
    __table_args__ = (Index("ix_statements_doc_idx", "doc_id", "idx", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    doc_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    idx: Mapped[int] = mapped_column(Integer)
    speaker: Mapped[str | None] = mapped_column(Text, index=True)
    speaker_kind: Mapped[str | None] = mapped_column(String(32))
    speaker_entity_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id"), index=True)
    source_start: Mapped[int | None] = mapped_column(Integer)
    source_end: Mapped[int | None] = mapped_column(Integer)
    source_text: Mapped[str | None] = mapped_column(Text)
    cue_start: Mapped[int] = mapped_column(Integer)
    cue_end: Mapped[int] = mapped_column(Integer)
    cue_text: Mapped[str] = mapped_column(Text)
    content_start: Mapped[int] = mapped_column(Integer)
    content_end: Mapped[int] = mapped_column(Integer)
    content_text: Mapped[str] = mapped_column(Text)
    mode: Mapped[str] = mapped_column(String(16))
    type: Mapped[str] = mapped_column(String(32), index=True)
    polarity: Mapped[str | None] = mapped_column(String(16))
    target_start: Mapped[int | None] = mapped_column(Integer)
    target_end: Mapped[int | None] = mapped_column(Integer)
    target_text: Mapped[str | None] = mapped_column(Text)
    date_value: Mapped[str | None] = mapped_column(String(32), index=True)
    date_start: Mapped[int | None] = mapped_column(Integer)
    date_end: Mapped[int | None] = mapped_column(Integer)
    date_text: Mapped[str | None] = mapped_column(Text)
    chain: Mapped[str | None] = mapped_column(Text)  # JSON list of relaying source spans

    document: Mapped[DocumentRow] = relationship(back_populates="statements")
    event_links: Mapped[list["StatementEventRow"]] = relationship(cascade="all, delete-orphan")


class StatementEventRow(Base):
    __tablename__ = "statement_events"

    statement_id: Mapped[int] = mapped_column(ForeignKey("statements.id", ondelete="CASCADE"), primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)


class LinkRow(Base):
    """A cross-record relation: figure update/conflict, contradiction, competing attribution..."""

    __tablename__ = "links"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), index=True)
    cluster_id: Mapped[int | None] = mapped_column(ForeignKey("clusters.id", ondelete="CASCADE"), index=True)
    a_table: Mapped[str] = mapped_column(String(32))
    a_id: Mapped[int] = mapped_column(Integer)
    b_table: Mapped[str] = mapped_column(String(32))
    b_id: Mapped[int] = mapped_column(Integer)
    explanation: Mapped[str] = mapped_column(Text)
    proposition: Mapped[str | None] = mapped_column(String(64))  # what the two sides disagree about


# ---------------------------------------------------------------- cross-document (issue 10)

class EventBlockRow(Base):
    """Blocking keys of an event for incremental clustering (family, day interval, country)."""

    __tablename__ = "event_blocks"
    __table_args__ = (Index("ix_event_blocks_family_lo", "family", "lo"),
                      Index("ix_event_blocks_family_country", "family", "country"))

    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    doc_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    family: Mapped[str] = mapped_column(String(32))
    lo: Mapped[int | None] = mapped_column(Integer)  # ordinal day (date.toordinal)
    hi: Mapped[int | None] = mapped_column(Integer)
    country: Mapped[str | None] = mapped_column(String(8))
    features: Mapped[str] = mapped_column(Text, default="{}")  # JSON: the event dict used for scoring


class EntityAliasRow(SpanMixin, Base):
    """A mention (span) of a canonical entity, with the alias it was written as."""

    __tablename__ = "entity_aliases"

    id: Mapped[int] = mapped_column(primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"), index=True)
    doc_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(Text, index=True)  # normalised form as written
    role: Mapped[str | None] = mapped_column(String(32))  # mention | speaker | argument


class FigureSeriesRow(Base):
    """One step of a cluster's figure series (killed, wounded ...), with its classification."""

    __tablename__ = "figure_series"

    id: Mapped[int] = mapped_column(primary_key=True)
    cluster_id: Mapped[int] = mapped_column(ForeignKey("clusters.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    position: Mapped[int] = mapped_column(Integer)
    figure_id: Mapped[int] = mapped_column(ForeignKey("figures.id", ondelete="CASCADE"), index=True)
    label: Mapped[str | None] = mapped_column(String(16))  # update | conflict | agreement | None (first)
    compared_with: Mapped[int | None] = mapped_column(Integer)  # figures.id
    reason: Mapped[str | None] = mapped_column(Text)
    best: Mapped[bool] = mapped_column(Boolean, default=False)

package io.entrepot.shared;

/** Implemented by authenticated principals so the database layer can tell who is acting. */
public interface ActorAware {

    Actor actor();
}

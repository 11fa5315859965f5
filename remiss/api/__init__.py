"""The REST API's remisser, remissinstanser, anstånd and search (README "API"). Every queryset
is a list function of the access policy (``remisser_för`` …), every object comes through the
gateway, every action is the model method the web's view calls, with the web's form."""
